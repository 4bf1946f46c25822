import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const network = resolve(root, 'test/data/email-eu-core-subset.txt');
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-cli-comms-'));
// PGlite in the temp data dir, whatever the caller's environment says.
const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATA_DIR: dataDir, LANTERN_LOG_LEVEL: 'silent' };
delete env.DATABASE_URL;
const lantern = (...args: string[]) =>
  run(process.execPath, [join(root, 'cli/bin/lantern.mjs'), 'comms', ...args], {
    env,
    cwd: root,
    maxBuffer: 32 << 20,
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
      files: [{ name: network }],
      result: { read: 83083, loaded: 83024 },
      startedBy: null,
    },
  ]);
  expect((await lantern('imports', '--dataset', 'email')).stdout).toMatch(/done\s.*snap-temporal\s.*83,024/);
  writeFileSync(join(dataDir, 'sites.csv'), 'cell_id,lat,lon\nC1,51.5,-0.1\nC2,x,0\n');
  const cells = await lantern('import-cells', '--dataset', 'email', join(dataDir, 'sites.csv'));
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
  const profile = join(dataDir, 'tab-feed.json');
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
  const feed = join(dataDir, 'feed.tsv');
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

/** A command's outcome, failed or not (so every check of a scenario reports, not only the first). */
const attempt = (...args: string[]) =>
  lantern(...args).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );

it("answers a new user's first steps: dates, numbers as dialled, tables people read", async () => {
  const calls = join(dataDir, 'first-calls.csv');
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
  const lastDay = join(dataDir, 'last-day.csv');
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
  writeFileSync(join(dataDir, 'first-sites.csv'), 'cell_id,lat,lon\nC1,51.5,-0.1\nC2,51.5005,-0.1\n');
  await attempt('import-cells', '--dataset', 'first', join(dataDir, 'first-sites.csv'));
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
