import { describe, expect, it } from 'vitest';
import { cliSessionPerFile, type HttpSession, runLantern, userWithToken } from '../cli-test-support';

// One server process, as `npm start` runs it; the CLI a client of it with an authorising officer's
// access token. The source's life is set up over the API by a handler of its own.
const cli = cliSessionPerFile({ username: 'cli-ao', roles: ['authorising-officer'] });

const attempt = (args: string[], env = cli.env) => runLantern(['sources', ...args], { env, cwd: cli.work });
const lantern = async (...args: string[]) => {
  const run = await attempt(args);
  if (run.code !== 0) throw Object.assign(new Error(`lantern sources ${args.join(' ')}: ${run.stderr}`), run);
  return run;
};

interface Source {
  id: string;
  urn: string;
  authorisations: { id: string; state: string }[];
}

/** The CLI user's own signed-in session: the AO acting over the API. */
const aoSession = () => cli.user.session;

const text = (what: string) => `${what}, as recorded for the CLI test.`;

/** A source taken by its handler to an application put to the CLI's AO, who has approved the approach. */
async function sourceAwaitingDecision(handler: HttpSession, ao: HttpSession, aoId: string) {
  const url = cli.server.url;
  const made = async (username: string, roles: string[]) =>
    (await userWithToken(url, cli.demoPassword, { username, roles })).id;
  const controllerId = await made('cli-controller', ['controller']);
  const keeperId = await made('cli-keeper', ['record-keeper']);
  let source = await handler.request<Source>('POST', '/api/sources', {
    classification: 'SECRET',
    pseudonym: 'KESTREL CLI',
    type: 'member-of-public',
  });
  const path = `/api/sources/${source.id}`;
  await handler.request('POST', `${path}/roles`, { role: 'controller', userId: controllerId });
  await handler.request('POST', `${path}/roles`, { role: 'record-keeper', userId: keeperId });
  await handler.request('POST', `${path}/roles`, { role: 'authorising-officer', userId: aoId });
  await handler.request('PUT', `${path}/identity`, { name: 'Alex Example', dateOfBirth: '1980-05-01' });
  const requested = await handler.request<{ approachRequests: { id: string }[] }>(
    'POST',
    `${path}/approach-requests`,
    { rationale: text('Rationale'), risk: text('Risk'), bonaFides: text('Bona fides') },
  );
  await ao.request('POST', `${path}/approach-requests/${requested.approachRequests[0]!.id}/decision`, {
    decision: 'approve',
    reasons: text('Reasons'),
  });
  await handler.request('POST', `${path}/recruitment`, {
    recruitedOn: new Date().toISOString().slice(0, 10),
    circumstances: text('Circumstances'),
    motivation: text('Motivation'),
    volunteers: true,
  });
  source = await handler.request<Source>('POST', `${path}/authorisations`, {
    ground: 'crime-or-disorder',
    necessity: text('Necessity'),
    proportionality: text('Proportionality'),
    purpose: text('Purpose'),
    operation: 'Op CLI',
    conduct: text('Conduct'),
    collateralIntrusion: text('Collateral intrusion'),
    collateralJustification: text('Justification'),
    authorisingOfficerId: aoId,
  });
  return source;
}

describe('lantern sources, a client of the running server', () => {
  it('lists, shows, queues, alerts and exports what the user is read into, and nothing else', async () => {
    const url = cli.server.url;
    const handlerUser = await userWithToken(url, cli.demoPassword, {
      username: 'cli-handler',
      roles: ['handler'],
    });
    const source = await sourceAwaitingDecision(handlerUser.session, aoSession(), cli.user.id);

    const listed = JSON.parse((await lantern('list', '--json')).stdout) as Source[];
    expect(listed.map((s) => s.urn)).toEqual([source.urn]);
    expect((await lantern('list', '--status', 'recruited')).stdout).toMatch(
      new RegExp(`${source.urn}\\s+KESTREL CLI\\s+member-of-public\\s+recruited`),
    );
    expect((await lantern('list', '--status', 'closed')).stdout).toBe('(none)\n');
    const badStatus = await attempt(['list', '--status', 'asleep']);
    expect(badStatus).toMatchObject({ code: 1 });
    expect(badStatus.stderr).toContain('unknown status "asleep"');

    const queue = JSON.parse((await lantern('queue', '--json')).stdout);
    expect(queue).toMatchObject([{ kind: 'application', urn: source.urn, mayDecide: true }]);
    expect((await lantern('queue')).stdout).toMatch(
      new RegExp(`application\\s+${source.urn}\\s+KESTREL CLI`),
    );

    await aoSession().request(
      'POST',
      `/api/sources/${source.id}/authorisations/${source.authorisations[0]!.id}/decision`,
      {
        decision: 'grant',
        reasons: text('Necessary and proportionate'),
      },
    );

    const shown = await lantern('show', source.urn.toLowerCase());
    expect(shown.stdout).toContain(`${source.urn}  KESTREL CLI`);
    expect(shown.stdout).toMatch(/status: authorised/);
    expect(shown.stdout).toMatch(/expires: \d{4}-\d{2}-\d{2} \(in \d+ days\)/);
    expect(shown.stdout).toMatch(/Op CLI\s+granted\s+yes/);
    expect(shown.stdout).not.toContain('Alex Example');
    expect(JSON.parse((await lantern('show', source.urn, '--json')).stdout)).toMatchObject({
      id: source.id,
      status: 'authorised',
    });

    const alerts = await lantern('alerts', '--json');
    expect(Array.isArray(JSON.parse(alerts.stdout))).toBe(true);

    const csv = await lantern('central-record', '--csv');
    expect(csv.stdout.split('\n')[0]).toMatch(/urn/i);
    expect(csv.stdout).toContain(source.urn);
    expect(csv.stdout).not.toContain('Alex Example');
    // The export takes the page's search.
    const found = await lantern('central-record', '--csv', '--search', 'kestrel cli');
    expect(found.stdout.trim().split('\r\n')).toHaveLength(2);
    expect(found.stdout).toContain(source.urn);
    const none = await lantern('central-record', '--csv', '--search', 'NO SUCH SOURCE');
    expect(none.stdout.trim().split('\r\n')).toHaveLength(1);
    const record = JSON.parse((await lantern('central-record', '--json')).stdout);
    expect(record).toMatchObject([{ urn: source.urn, state: 'granted', urgency: 'routine' }]);

    // Another handler's token: the source is in no list, and its URN names nothing.
    const other = await userWithToken(url, cli.demoPassword, {
      username: 'cli-handler-2',
      roles: ['handler'],
    });
    const asOther = { ...cli.env, LANTERN_URL: url, LANTERN_TOKEN: other.secret };
    const otherList = await attempt(['list', '--json'], asOther);
    expect(otherList.code, otherList.stderr).toBe(0);
    expect(JSON.parse(otherList.stdout)).toEqual([]);
    const otherShow = await attempt(['show', source.urn], asOther);
    expect(otherShow).toMatchObject({ code: 2 });
    expect(otherShow.stderr).toContain(`No source with the URN '${source.urn}'`);
    const refused = await attempt(['central-record'], asOther);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toContain('FORBIDDEN');
  }, 240_000);
});
