import { createServer } from 'node:net';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSessionPerFile, runLantern } from '../cli-test-support';

// One server process, as `npm start` runs it; the CLI a client of it with a user's access token.
const cli = cliSessionPerFile({ username: 'cli-spoc', roles: ['comms-spoc'] });
const root = resolve(import.meta.dirname, '../../..');
const network = resolve(root, 'test/data/email-eu-core-subset.txt');

/** A `lantern comms …` command's outcome, failed or not (so every check of a scenario reports). */
const attempt = (...args: string[]) => runLantern(['comms', ...args], { env: cli.env, cwd: cli.work });
/** A `lantern comms …` command that must succeed. */
const lantern = async (...args: string[]) => {
  const run = await attempt(...args);
  if (run.code !== 0) throw Object.assign(new Error(`lantern comms ${args.join(' ')}: ${run.stderr}`), run);
  return run;
};

it('adds a dataset, imports the real network with a summary, and answers --json analyses', async () => {
  await lantern(
    'datasets',
    'add',
    '--name',
    'email',
    '--provider',
    'SNAP',
    '--authorisation',
    'IPA/CLI/1',
    '--from',
    '2003-10-01T00:00:00Z',
    '--to',
    '2004-06-30T00:00:00Z',
  );
  const imported = await lantern('import', '--dataset', 'email', '--profile', 'snap-temporal', network);
  expect(imported.stdout).toMatch(
    /read 83,083, loaded 83,024, duplicates 59, rejected 0 \(rejects file: .*\.rejects\.csv\)/,
  );
  expect(imported.stderr).toContain('rows/s');
  const history = JSON.parse((await lantern('imports', '--dataset', 'email', '--json')).stdout);
  expect(history).toMatchObject([
    {
      status: 'done',
      profile: 'snap-temporal',
      files: [{ name: network, bytes: statSync(network).size }],
      result: { read: 83083, loaded: 83024 },
      startedBy: cli.user.id,
    },
  ]);
  expect((await lantern('imports', '--dataset', 'email')).stdout).toMatch(/done\s.*snap-temporal\s.*83,024/);
  writeFileSync(join(cli.work, 'sites.csv'), 'cell_id,lat,lon\nC1,51.5,-0.1\nC2,x,0\n');
  const cells = await lantern('import-cells', '--dataset', 'email', join(cli.work, 'sites.csv'));
  expect(cells.stdout).toContain('read 2, loaded 1, duplicates 0, rejected 1');
  const chain = JSON.parse(
    (await lantern('chain', '--dataset', 'email', '--seed', '1', '--hops', '1', '--json')).stdout,
  );
  expect(chain.seeds).toEqual(['1']);
  expect(chain.contacts.length).toBeGreaterThan(0);
  expect(
    chain.contacts.every((c: { hops: number; path: string[] }) => c.hops === 1 && c.path[0] === '1'),
  ).toBe(true);
  const refused = await lantern('stats', '--dataset', 'email', '--since', '2003-01-01').catch(
    (e: { stderr: string; code: number }) => e,
  );
  expect(refused).toMatchObject({ code: 2 });
  expect((refused as { stderr: string }).stderr).toContain('IPA 2016 Part 3: outside the authorised scope');
  const tooShort = await lantern('datasets', 'destroy', '--dataset', 'email', '--reason', 'done').catch(
    (e: { stderr: string; code: number }) => e,
  );
  expect(tooShort).toMatchObject({ code: 2, stderr: expect.stringContaining('--reason: give the reason') });
  const destroyed = await lantern('datasets', 'destroy', '--dataset', 'email', '--reason', 'Retention ended');
  expect(destroyed.stdout).toContain('Destroyed the records of email (83,024 records)');
  const gone = await lantern('stats', '--dataset', 'email').catch((e: { stderr: string; code: number }) => e);
  expect(gone).toMatchObject({
    code: 2,
    stderr: expect.stringContaining("Dataset 'email' was destroyed on"),
  });
  const unknown = await lantern('imports', '--dataset', 'nope').catch(
    (e: { stderr: string; code: number }) => e,
  );
  expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("No dataset named 'nope'") });
}, 240_000);

it('registers a provider profile from JSON, tries it on a file, and imports with it', async () => {
  const profile = join(cli.work, 'tab-feed.json');
  writeFileSync(
    profile,
    JSON.stringify({
      id: 'tab-feed',
      csv: { delimiter: '\t' },
      columns: { a: 'from', b: 'to', start: 'when' },
      time: { kind: 'epoch', unit: 'ms' },
      party: { kind: 'identifier', lowercase: true },
      eventType: { default: 'message' },
    }),
  );
  const feed = join(cli.work, 'feed.tsv');
  writeFileSync(
    feed,
    'from\tto\twhen\nAlice@x.org\tbob@x.org\t1700000000000\nalice@x.org\t\t1700000001000\n',
  );
  const checked = JSON.parse(
    (await lantern('profiles', 'check', '--profile', profile, '--json', feed)).stdout,
  );
  expect(checked.sample).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
  expect(checked.events[0]).toMatchObject({
    a: 'alice@x.org',
    b: 'bob@x.org',
    start: '2023-11-14T22:13:20.000Z',
  });
  expect(checked.rejects).toEqual([
    { line: 3, reason: 'empty B party', raw: 'alice@x.org\t\t1700000001000' },
  ]);
  expect((await lantern('profiles', 'add', profile)).stdout).toContain(
    "Registered provider profile 'tab-feed'",
  );
  const refused = await lantern('profiles', 'add', profile).catch((e: { stderr: string; code: number }) => e);
  expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('registered already') });
  expect((await lantern('profiles', 'list')).stdout).toMatch(/tab-feed\s+registered/);
  await lantern(
    'datasets',
    'add',
    '--name',
    'feed',
    '--provider',
    'X',
    '--authorisation',
    'IPA/CLI/2',
    '--from',
    '2023-11-01T00:00:00Z',
    '--to',
    '2023-11-30T00:00:00Z',
  );
  const imported = await lantern('import', '--dataset', 'feed', '--profile', 'tab-feed', feed);
  expect(imported.stdout).toContain('read 2, loaded 1, duplicates 0, rejected 1');
  expect(imported.stdout).toContain(`rejected ${feed}:3: empty B party`);
}, 240_000);

it("answers a new user's first steps: dates, numbers as dialled, tables people read", async () => {
  const calls = join(cli.work, 'first-calls.csv');
  writeFileSync(
    calls,
    [
      'type,a,b,start,duration_s,cell_id,imei,imsi',
      'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,',
      'sms,07700900456,07700900123,2024-03-01T10:05:00Z,,C1,,',
      'voice,07700900123,07700900456,2024-03-03T10:00:00Z,60,C1,,',
      'voice,07700900123,07700900789,2024-03-04T10:00:00Z,60,C2,,',
      'sms,07700900789,07700900111,2024-03-01T10:10:00Z,,C2,,',
      'voice,not-a-number,07700900789,2024-03-04T11:00:00Z,60,C2,,',
    ].join('\n'),
  );
  // 1,200 calls on the last authorised day, up to its last second.
  const lastDay = join(cli.work, 'last-day.csv');
  writeFileSync(
    lastDay,
    [
      'type,a,b,start,duration_s,cell_id,imei,imsi',
      ...Array.from({ length: 1200 }, (_, i) => {
        const at = new Date(Date.parse('2024-03-31T00:00:00Z') + Math.round((i * 86_399_000) / 1199));
        return `voice,07700${String(800000 + i)},07700900999,${at.toISOString()},30,C3,,`;
      }),
      'voice,07700900999,,2024-03-31T12:00:00Z,30,C3,,',
    ].join('\n'),
  );
  const added = await attempt(
    'datasets',
    'add',
    '--name',
    'first',
    '--provider',
    'X',
    '--authorisation',
    'IPA/CLI/3',
    '--from',
    '2024-03-01',
    '--to',
    '2024-03-31',
  );
  expect(added).toMatchObject({ code: 0 });
  const listed = JSON.parse((await lantern('datasets', 'list', '--json')).stdout) as {
    id: string;
    name: string;
    authorisedFrom: string;
    authorisedTo: string;
  }[];
  const first = listed.find((d) => d.name === 'first')!;
  // A date-only end is the end of that day (else that day's records fall outside the authorisation).
  expect.soft(first).toMatchObject({
    authorisedFrom: '2024-03-01T00:00:00.000Z',
    authorisedTo: '2024-03-31T23:59:59.999Z',
  });

  // One rejects file per import, named as the API names them, and the path printed.
  const one = await attempt('import', '--dataset', 'first', calls);
  const two = await attempt('import', '--dataset', first.id, lastDay);
  const rejectsOf = (out: string) => /rejects file: (\S+\.rejects\.csv)/.exec(out)?.[1];
  const [r1, r2] = [rejectsOf(one.stdout), rejectsOf(two.stdout)];
  expect.soft(r1).toMatch(new RegExp(`/comms/${first.id}\\.[0-9a-f-]{36}\\.rejects\\.csv$`));
  expect.soft(r2).toMatch(new RegExp(`/comms/${first.id}\\.[0-9a-f-]{36}\\.rejects\\.csv$`));
  expect.soft(r1).not.toBe(r2);
  expect.soft(r1 && readFileSync(r1, 'utf8')).toContain('not-a-number');
  expect.soft(r2 && readFileSync(r2, 'utf8')).toContain('empty B party');
  expect.soft(two.stdout).toContain('loaded 1,200');

  // A seed as dialled; the contact's events counted both ways; the limit said out loud.
  const chain = await attempt(
    'chain',
    '--dataset',
    'first',
    '--seed',
    '07700900123',
    '--hops',
    '2',
    '--limit',
    '2',
  );
  expect.soft(chain.stdout).toMatch(/\+447700900456\s+1\s+\+447700900123\s+3\s+2\s+1\s/);
  expect.soft(chain.stdout).toContain('showing 2 of 3 contacts; --limit to see more');
  // The pair's timeline in a table, counting as chain does.
  const timeline = await attempt(
    'timeline',
    '--dataset',
    'first',
    '--number',
    '07700 900123',
    '--other',
    '07700900456',
  );
  expect.soft(timeline.stdout).toMatch(/\+447700900123\s+\+447700900456\s+3\s+2\s+1\s/);
  // Numbers for people in tables; a date-only --until is the end of that day.
  const stats = await attempt(
    'stats',
    '--dataset',
    first.id,
    '--since',
    '2024-03-31',
    '--until',
    '2024-03-31',
  );
  expect.soft(stats.stdout).toMatch(/1,200\s+1,201\s+1,200\s.*\s1\.0$/m);
  // Co-location within a radius of the cell.
  writeFileSync(join(cli.work, 'first-sites.csv'), 'cell_id,lat,lon\nC1,51.5,-0.1\nC2,51.5005,-0.1\n');
  await attempt('import-cells', '--dataset', 'first', join(cli.work, 'first-sites.csv'));
  const near = await attempt(
    'colocation',
    '--dataset',
    'first',
    '--number',
    '07700900123',
    '--radius',
    '500',
  );
  expect.soft(near).toMatchObject({ code: 0 });
  expect.soft(near.stdout).toContain('+447700900789');
  // An unknown dataset: how to make one.
  const missing = await attempt('import', '--dataset', 'nope', calls);
  expect.soft(missing).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('lantern comms datasets add --name'),
  });
}, 240_000);

it('answers every other analysis, the watchlist and a profile through the API', async () => {
  const json = async (...args: string[]) => JSON.parse((await lantern(...args, '--json')).stdout);
  const calls = join(cli.work, 'other-calls.csv');
  writeFileSync(
    calls,
    [
      'type,a,b,start,duration_s,cell_id,imei,imsi',
      'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,',
      'sms,07700900456,07700900123,2024-03-01T10:05:00Z,,C1,,',
      'voice,07700900123,07700900456,2024-03-03T10:00:00Z,60,C1,,',
      'voice,07700900123,07700900789,2024-03-04T10:00:00Z,60,C2,,',
      'sms,07700900789,07700900111,2024-03-01T10:10:00Z,,C2,,',
    ].join('\n'),
  );
  const authorised = [
    '--provider',
    'X',
    '--authorisation',
    'IPA/CLI/4',
    '--from',
    '2024-03-01',
    '--to',
    '2024-03-31',
  ];
  await lantern('datasets', 'add', '--name', 'others', ...authorised);
  await lantern('datasets', 'add', '--name', 'others-2', ...authorised);
  await lantern('import', '--dataset', 'others', calls);
  const on = ['--dataset', 'others'];
  expect(await json('common', ...on, '--number', '07700900123', '--number', '07700900789')).toMatchObject({
    numbers: ['+447700900123', '+447700900789'],
  });
  expect(
    await json('path', ...on, '--from-number', '07700900456', '--to-number', '07700900789'),
  ).toMatchObject({
    found: true,
    length: 2,
    paths: [['+447700900456', '+447700900123', '+447700900789']],
  });
  expect(await json('network', ...on, '--number', '07700900456', '--number', '07700900789')).toMatchObject({
    intermediaries: [{ number: '+447700900123' }],
  });
  expect((await json('communities', ...on)).count).toBeGreaterThan(0);
  expect((await json('centrality', ...on, '--top', '1')).top).toEqual([
    expect.objectContaining({ degree: 2 }),
  ]);
  expect(await json('pair-events', ...on, '--a', '07700900123', '--b', '07700900456')).toMatchObject({
    total: 3,
  });
  const watched = await lantern('watchlist', 'add', '--number', '+447700900789', '--subject', 'S-CLI-1');
  expect(watched.stdout).toContain('Added 1 watchlist entries');
  expect((await json('watchlist', 'list', '--number', '+447700900789')).items).toEqual([
    expect.objectContaining({ number: '+447700900789', subjectRef: 'S-CLI-1' }),
  ]);
  expect(await json('watchlist-match', ...on, '--number', '07700900123', '--hops', '1')).toMatchObject({
    matches: [{ subjectRef: 'S-CLI-1', watchedNumber: '+447700900789', hops: 1 }],
  });
  const shown = JSON.parse((await lantern('profiles', 'show', 'generic')).stdout);
  expect(shown).toMatchObject({ id: 'generic' });
  const several = await attempt('timeline', ...on, '--dataset', 'others-2', '--number', '07700900123');
  expect(several).toMatchObject({ code: 2, stderr: expect.stringContaining('one dataset at a time') });
}, 240_000);

/** A port nothing listens on (taken, then given back). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the CLI as a client of the server', () => {
  it('acts as the token’s user, keeps its credentials to itself, and says why it cannot go on (exit 3, 4)', async () => {
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
      runLantern(args, { env: { ...cli.env, ...extra }, cwd: cli.work });
    const whoami = await run(['whoami', '--json']);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      url: cli.server.url,
      user: { username: 'cli-spoc' },
      permissions: expect.arrayContaining(['comms:read', 'comms:import', 'comms:destroy']),
    });
    const stored = join(cli.home, 'config', 'lantern', 'credentials.json');
    expect(statSync(stored).mode & 0o777).toBe(0o600);
    expect(statSync(join(cli.home, 'config', 'lantern')).mode & 0o777).toBe(0o700);

    const unknown = await run(['comms', 'datasets', 'list'], { LANTERN_TOKEN: `lnt_${'A'.repeat(43)}` });
    expect(unknown).toMatchObject({ code: 3, stderr: expect.stringContaining('UNAUTHENTICATED') });
    // The stored token is never sent to another server than its own.
    const elsewhere = await run(['comms', 'datasets', 'list'], { LANTERN_URL: nowhere });
    expect(elsewhere).toMatchObject({ code: 3, stderr: expect.stringContaining('The stored token is for') });
    const down = await run(['comms', 'datasets', 'list'], {
      LANTERN_URL: nowhere,
      LANTERN_TOKEN: cli.user.secret,
    });
    expect(down).toMatchObject({
      code: 4,
      stderr: expect.stringContaining('Cannot reach the Lantern server'),
    });
    expect(down.stderr).toContain('ECONNREFUSED');

    const tokens = JSON.parse((await run(['tokens', 'list', '--json'])).stdout) as { id: string }[];
    expect(tokens).toHaveLength(1);
    expect(await run(['tokens', 'revoke', tokens[0]!.id])).toMatchObject({ code: 0 });
    const revoked = await run(['comms', 'datasets', 'list']);
    expect(revoked).toMatchObject({ code: 3, stderr: expect.stringContaining('not valid') });
    expect(await run(['logout'])).toMatchObject({ code: 0 });
    expect(existsSync(stored)).toBe(false);
    const out = await run(['comms', 'datasets', 'list']);
    expect(out).toMatchObject({ code: 3, stderr: expect.stringContaining('lantern login') });
    // Nothing of the CLI wrote where it ran: no stray ./data.
    expect(existsSync(join(cli.work, 'data'))).toBe(false);
  });
});
