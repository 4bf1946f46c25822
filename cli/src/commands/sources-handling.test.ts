import { describe, expect, it } from 'vitest';
import { cliSessionPerFile, type HttpSession, runLantern, userWithToken } from '../cli-test-support';
import { instantArg, thisWeek } from './sources-handling';

// One server process; the CLI a client of it with a handler's access token. The source's life is
// set up over the API by that handler, its controller and its AO.
const cli = cliSessionPerFile({ username: 'cli-h-handler', roles: ['handler'] });

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

const text = (what: string) => `${what}, as recorded for the CLI test.`;
const day = 86_400_000;

/** A source authorised, its conduct recorded, assessed and with a meeting planned tomorrow. */
async function handledSource(handler: HttpSession, ao: HttpSession, aoId: string, controllerId: string) {
  const url = cli.server.url;
  const keeperId = (
    await userWithToken(url, cli.demoPassword, { username: 'cli-h-keeper', roles: ['record-keeper'] })
  ).id;
  let source = await handler.request<Source>('POST', '/api/sources', {
    classification: 'SECRET',
    pseudonym: 'HERON CLI',
    type: 'member-of-public',
  });
  const path = `/api/sources/${source.id}`;
  await handler.request('POST', `${path}/roles`, { role: 'controller', userId: controllerId });
  await handler.request('POST', `${path}/roles`, { role: 'record-keeper', userId: keeperId });
  await handler.request('POST', `${path}/roles`, { role: 'authorising-officer', userId: aoId });
  await handler.request('PUT', `${path}/identity`, { name: 'Morwenna Example', dateOfBirth: '1980-05-01' });
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
    operation: 'Op HERON',
    conduct: text('Conduct'),
    collateralIntrusion: text('Collateral intrusion'),
    collateralJustification: text('Justification'),
    authorisingOfficerId: aoId,
  });
  const authorisationId = source.authorisations[0]!.id;
  await ao.request('POST', `${path}/authorisations/${authorisationId}/decision`, {
    decision: 'grant',
    reasons: text('Necessary and proportionate'),
  });
  await ao.request('POST', `${path}/authorisations/${authorisationId}/conduct`, {
    categories: ['attend-meetings', 'report-information'],
  });
  await handler.request('POST', `${path}/risk-assessments`, {
    kind: 'risk',
    security: text('Security'),
    welfare: text('Welfare'),
    conductCovered: ['attend-meetings'],
  });
  await handler.request('POST', `${path}/contacts`, {
    kind: 'meeting',
    at: new Date(Date.now() + day).toISOString(),
    location: 'The reading room of the central library',
    coverStory: text('Cover story'),
    safetyArrangements: text('Safety'),
    fallbackContact: text('Fall-back'),
  });
  return source;
}

describe('lantern sources meetings, record and dashboard', () => {
  it('reads dates and this week', () => {
    expect(instantArg('2027-03-08')).toBe('2027-03-08T00:00:00.000Z');
    expect(() => instantArg('next tuesday')).toThrow(/not a date/);
    const week = thisWeek(new Date('2027-03-10T15:00:00Z'));
    expect(week).toEqual({ from: '2027-03-08T00:00:00.000Z', to: '2027-03-15T00:00:00.000Z' });
  });

  it('shows the handler their calendar, the record and the dashboard; a second handler none of it', async () => {
    const url = cli.server.url;
    const ao = await userWithToken(url, cli.demoPassword, {
      username: 'cli-h-ao',
      roles: ['authorising-officer'],
    });
    const controller = await userWithToken(url, cli.demoPassword, {
      username: 'cli-h-controller',
      roles: ['controller'],
    });
    const source = await handledSource(cli.user.session, ao.session, ao.id, controller.id);
    const from = new Date(Date.now() - day).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 3 * day).toISOString().slice(0, 10);

    const meetings = await lantern('meetings', '--from', from, '--to', to);
    expect(meetings.stdout).toMatch(new RegExp(`meeting\\s+planned\\s+${source.urn}\\s+HERON CLI`));
    const asJson = JSON.parse((await lantern('meetings', '--from', from, '--to', to, '--json')).stdout);
    expect(asJson.items.map((i: { sourceId: string }) => i.sourceId)).toEqual([source.id]);
    const bad = await attempt(['meetings', '--from', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a date');

    const record = await lantern('record', source.urn.toLowerCase());
    expect(record.stdout).toContain(`${source.urn}  HERON CLI`);
    expect(record.stdout).toMatch(/incomplete: \d+ missing/);
    expect(record.stdout).toMatch(/\(e\)\s+.*\s+present/);
    expect(record.stdout).toMatch(/\(l\)\s+.*\s+missing/);
    const recordJson = JSON.parse((await lantern('record', source.urn, '--json')).stdout);
    expect(recordJson.particulars).toHaveLength(14);
    expect(record.stdout).not.toContain('Morwenna');

    const dashboard = await lantern('dashboard');
    expect(dashboard.stdout).toMatch(/Sources I handle\n.*\n.*\n.*HERON CLI/);
    const dashboardJson = JSON.parse((await lantern('dashboard', '--json')).stdout);
    expect(dashboardJson.asHandler.map((s: { id: string }) => s.id)).toEqual([source.id]);

    const other = await userWithToken(url, cli.demoPassword, {
      username: 'cli-h-handler-2',
      roles: ['handler'],
    });
    const asOther = { ...cli.env, LANTERN_URL: url, LANTERN_TOKEN: other.secret };
    const otherMeetings = await attempt(['meetings', '--from', from, '--to', to, '--json'], asOther);
    expect(otherMeetings.code, otherMeetings.stderr).toBe(0);
    expect(JSON.parse(otherMeetings.stdout).items).toEqual([]);
    const otherRecord = await attempt(['record', source.urn], asOther);
    expect(otherRecord).toMatchObject({ code: 2 });
    expect(otherRecord.stderr).toContain(`No source with the URN '${source.urn}'`);
    const otherDashboard = await attempt(['dashboard', '--json'], asOther);
    expect(otherDashboard.stdout).not.toContain(source.id);
    expect(otherDashboard.stdout).not.toContain('HERON');
  }, 240_000);
});
