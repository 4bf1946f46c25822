import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { DuckDbStore } from './duckdb-store.js';
import { fixturesDir, tempDirPerTest, repoRoot } from './fixtures/test-helpers.js';

const temp = tempDirPerTest();

const TABLES = ['numbers', 'events', 'events_by_party', 'pairs', 'meta'];

/** Row count and an order-independent checksum of every table of a dataset file. */
async function checksum(path: string): Promise<string> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const parts: string[] = [];
  for (const t of TABLES) {
    const r = await c.runAndReadAll(`SELECT count(*) AS n, coalesce(sum(hash(x)), 0) AS h FROM ${t} x`);
    parts.push(`${t}:${r.getRowObjectsJson()[0]!.n}:${r.getRowObjectsJson()[0]!.h}`);
  }
  c.closeSync();
  instance.closeSync();
  return parts.join(' ');
}

async function shadowTables(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const r = await c.runAndReadAll(
    "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'import_') ORDER BY 1",
  );
  c.closeSync();
  instance.closeSync();
  return r.getRows().map((row) => String(row[0]));
}

/** A generic-profile CSV of `rows` records, written by DuckDB itself. */
async function bigCsv(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`COPY (SELECT CASE i % 3 WHEN 0 THEN 'voice' WHEN 1 THEN 'sms' ELSE 'data' END AS type,
      '0770090' || lpad(CAST(i % 5000 AS VARCHAR), 4, '0') AS a, '0770080' || lpad(CAST((i * 7) % 5000 AS VARCHAR), 4, '0') AS b,
      strftime(TIMESTAMP '2024-01-01' + to_seconds(i * 13), '%Y-%m-%dT%H:%M:%SZ') AS start, i % 600 AS duration_s,
      'C' || (i % 300) AS cell_id, NULL AS imei, NULL AS imsi FROM range(${rows}) t(i)) TO '${path}' (HEADER)`);
  c.closeSync();
  instance.closeSync();
}

it('an import that throws from onProgress midway leaves the dataset exactly as before', async () => {
  const store = new DuckDbStore(temp.dir);
  const ds = store.dataset('x');
  await ds.importFiles([join(fixturesDir, 'generic.csv')], getProfile('generic'));
  await store.close();
  const before = await checksum(join(temp.dir, 'x.duckdb'));
  const file = join(temp.dir, 'big.csv');
  await bigCsv(file, 50_000);
  for (const failAt of ['read', 'load', 'index'] as const) {
    const s = new DuckDbStore(temp.dir);
    const phases: string[] = [];
    await expect(
      s.dataset('x').importFiles([file], getProfile('generic'), {
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === failAt) throw new Error(`stop at ${failAt}`);
        },
      }),
    ).rejects.toThrow(`stop at ${failAt}`);
    expect(await s.dataset('x').stats()).toMatchObject({ records: 3 });
    await s.close();
    expect(await checksum(join(temp.dir, 'x.duckdb'))).toBe(before);
    expect(await shadowTables(join(temp.dir, 'x.duckdb'))).toEqual([]); // dropped by the failed import
  }
  // …and the same import without interruption then succeeds.
  const s = new DuckDbStore(temp.dir);
  const result = await s.dataset('x').importFiles([file], getProfile('generic'));
  expect(result.read).toBe(50_000);
  expect(result.loaded + result.duplicates).toBe(50_000);
  await s.close();
});

it('a process killed mid-import leaves the dataset exactly as before', async () => {
  const store = new DuckDbStore(temp.dir);
  await store.dataset('k').importFiles([join(fixturesDir, 'generic.csv')], getProfile('generic'));
  await store.close();
  const before = await checksum(join(temp.dir, 'k.duckdb'));
  const file = join(temp.dir, 'big.csv');
  await bigCsv(file, 150_000);
  // node itself (tsx as a loader), so the killed process is the one holding the DuckDB file.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(fixturesDir, 'import-child.script.ts'), temp.dir, file],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Kill once the import's new events are written (a committed shadow table) and the derived
      // tables are being built.
      if (/progress index/.test(out)) resolve();
    });
    child.on('exit', () => resolve());
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(out).not.toContain('done');
  expect(await checksum(join(temp.dir, 'k.duckdb'))).toBe(before);
  // The killed import's shadow tables are still in the file until the dataset is opened again.
  expect(await shadowTables(join(temp.dir, 'k.duckdb'))).toContain('import_events');
  const reopened = new DuckDbStore(temp.dir);
  expect(await reopened.dataset('k').stats()).toMatchObject({ records: 3 });
  await reopened.close();
  expect(await shadowTables(join(temp.dir, 'k.duckdb'))).toEqual([]);
});
