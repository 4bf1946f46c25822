/**
 * DuckDB's own readers on the benchmark's files, with no Lantern code: `npm run bench:comms:readers
 * -- S|M|L` (default M). It prints how fast DuckDB alone parses the CSV and Parquet files and how
 * fast it stores them as one table, in memory and in a database file (with its default storage
 * settings, and with compression off and insertion order dropped: the fastest it stores anything
 * here). These are the ceilings the ingest targets of issue 4 sit against: an import that stores
 * the records in DuckDB cannot go faster than DuckDB storing them as read.
 */
import { rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureGenerated, paramsFor } from './generator.js';
import { fmtMs, fmtRate, measure } from './timing.js';

const RECORDS = { S: 1_000_000, M: 10_000_000, L: 100_000_000 } as const;
const ROOT = resolve(import.meta.dirname, '../..');

type Format = 'csv' | 'parquet';

function reader(format: Format, path: string): string {
  return format === 'csv' ? `read_csv('${path}')` : `read_parquet('${path}')`;
}

/** Runs `sql` on a fresh database (`file` or in memory) with `settings`; closing it is timed too. */
async function timedRun(file: string | null, settings: string[], sql: string): Promise<void> {
  if (file) for (const f of [file, `${file}.wal`]) await rm(f, { force: true });
  const db = await DuckDBInstance.create(file ?? ':memory:');
  const c = await db.connect();
  try {
    for (const s of settings) await c.run(s);
    await c.run(sql);
  } finally {
    c.closeSync();
    db.closeSync();
    if (file) await rm(file, { force: true });
  }
}

async function main(): Promise<void> {
  const size = (process.argv[2] ?? 'M').toUpperCase();
  if (!(size in RECORDS)) throw new Error(`size must be S, M or L (got '${process.argv[2]}')`);
  const records = RECORDS[size as keyof typeof RECORDS];
  const cache = join(ROOT, '.bench', 'comms');
  const files = await ensureGenerated(cache, size, paramsFor(records));
  const dbFile = join(cache, `readers-${size}.duckdb`);
  const runs = size === 'S' ? 3 : 1;
  console.log(
    `DuckDB's readers alone, size ${size} (${records.toLocaleString('en')} records); ${cpus().length} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load average at start ${loadavg()[0]!.toFixed(1)}`,
  );
  const fastest = ["SET force_compression = 'uncompressed'", 'SET preserve_insertion_order = false'];
  const lines: [string, Format, string | null, string[], string][] = [];
  for (const format of ['csv', 'parquet'] as const) {
    const r = reader(format, files[format]);
    const all = `SELECT count(type), max(a), max(b), max(start), max(duration_s), max(cell_id), max(imei), max(imsi) FROM ${r}`;
    const ctas = `CREATE TABLE raw AS SELECT * FROM ${r}`;
    lines.push([`${format}: parse every column, store nothing`, format, null, [], all]);
    lines.push([`${format}: into a table in memory`, format, null, [], ctas]);
    lines.push([`${format}: into a table in a file (the bench's baseline)`, format, dbFile, [], ctas]);
    lines.push([`${format}: into a file, uncompressed, no insertion order`, format, dbFile, fastest, ctas]);
  }
  const target = { csv: '≈ 3 M rows/s (issue 4, at M)', parquet: '≥ 4 M rows/s (issue 4)' };
  for (const [label, format, file, settings, sql] of lines) {
    const t = await measure(() => timedRun(file, settings, sql), runs, 0);
    const rate = records / (t.ms / 1000);
    console.log(
      `${label.padEnd(60)} ${fmtMs(t.ms).padStart(9)}  ${fmtRate(rate).padStart(14)}   target ${target[format]}`,
    );
  }
  console.log(`load average at end ${loadavg()[0]!.toFixed(1)}`);
}

await main();
