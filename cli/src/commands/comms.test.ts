import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  run('node', [join(root, 'cli/bin/lantern.mjs'), 'comms', ...args], { env, cwd: root, maxBuffer: 32 << 20 });

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
    /read 83083, loaded 83024, duplicates 59, rejected 0 \(rejects file: .*\.rejects\.csv\)/,
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
  expect((await lantern('imports', '--dataset', 'email')).stdout).toMatch(/done\s.*snap-temporal\s.*83024/);
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
  expect(destroyed.stdout).toContain('Destroyed the records of email (83024 records)');
  const gone = await lantern('stats', '--dataset', 'email').catch((e: { stderr: string; code: number }) => e);
  expect(gone).toMatchObject({
    code: 2,
    stderr: expect.stringContaining("Dataset 'email' was destroyed on"),
  });
  const unknown = await lantern('imports', '--dataset', 'nope').catch(
    (e: { stderr: string; code: number }) => e,
  );
  expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("No dataset named 'nope'.") });
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
