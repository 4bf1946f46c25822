import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Bump when the generated data change shape (invalidates cached files). */
export const GENERATOR_VERSION = 3;

/** What the generator makes. Everything is a pure function of these numbers. */
export interface GenParams {
  records: number;
  /** Distinct numbers (ranks 0..numbers-1; rank 0 is the busiest). */
  numbers: number;
  /** Members per community (numbers / communitySize communities). */
  communitySize: number;
  /** Share of contacts within the caller's community. */
  inCommunity: number;
  days: number;
  seed: number;
}

export function paramsFor(records: number, seed = 20_260_101): GenParams {
  return {
    records,
    numbers: Math.max(1000, Math.round(records / 10)),
    communitySize: 40,
    inCommunity: 0.8,
    days: 90,
    seed,
  };
}

/** Relative call volume per UTC hour: quiet nights, busy days, a tail into the evening. */
export const HOUR_WEIGHTS = [
  2, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 7, 5, 3,
];

/** First day of the generated period (UTC midnight). */
export const START_EPOCH_S = Date.UTC(2026, 0, 1) / 1000;

/** Uniform [0, 1) from DuckDB's hash of (row, stream, seed). */
function u(row: string, stream: number, seed: number): string {
  return `((hash(${row}, ${stream}, ${seed}) >> 11)::DOUBLE / 9007199254740992.0)`;
}

function hourCase(uExpr: string): string {
  const total = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);
  let acc = 0;
  const whens = HOUR_WEIGHTS.slice(0, -1).map((w, h) => {
    acc += w;
    return `WHEN ${uExpr} < ${(acc / total).toFixed(6)} THEN ${h}`;
  });
  return `CASE ${whens.join(' ')} ELSE 23 END`;
}

export function siteCount(p: GenParams): number {
  return Math.max(50, Math.floor(p.numbers / 100));
}

/**
 * One row per record with the parties as ranks (a_rank, b_rank), their community, and the event
 * fields. Power-law activity: the caller's rank is floor(N·u³) (rank r gets ∝ r^(-2/3) of the
 * calls); the callee is in the caller's community with probability `inCommunity` (members
 * c, c+C, c+2C…, popular members first), else anywhere (popular numbers first). Hours follow
 * {@link HOUR_WEIGHTS}; cells are the caller's home site (shared by its community) 70 % of the time.
 */
export function rankedRecordsSql(p: GenParams): string {
  const n = p.numbers;
  const c = Math.max(1, Math.floor(n / p.communitySize));
  const k = Math.floor(n / c);
  const sites = siteCount(p);
  const s = p.seed;
  const base = `(SELECT i, floor(${n} * pow(${u('i', 1, s)}, 3))::BIGINT AS a_rank, ${u('i', 2, s)} AS u_in,
      ${u('i', 3, s)} AS u_b, ${u('i', 4, s)} AS u_day, ${u('i', 5, s)} AS u_hour, ${u('i', 6, s)} AS u_sec,
      ${u('i', 7, s)} AS u_type, ${u('i', 8, s)} AS u_dur, ${u('i', 9, s)} AS u_cell, ${u('i', 10, s)} AS u_sector
    FROM range(${p.records}) t(i))`;
  const withB = `(SELECT *, a_rank % ${c} AS comm, a_rank // ${c} AS member,
      CASE WHEN u_in < ${p.inCommunity}
        THEN (a_rank % ${c}) + ${c} * ((a_rank // ${c} + 1 + floor(${k - 1} * pow(u_b, 2))::BIGINT) % ${k})
        ELSE (a_rank + 1 + floor(${n - 1} * pow(u_b, 2))::BIGINT) % ${n} END AS b_rank
    FROM ${base})`;
  const type = `CASE WHEN u_type < 0.5 THEN 'voice' WHEN u_type < 0.8 THEN 'sms' WHEN u_type < 0.9 THEN 'data' ELSE 'message' END`;
  return `SELECT i, a_rank, b_rank, comm, b_rank % ${c} AS b_comm, ${type} AS type,
      ${START_EPOCH_S} + floor(${p.days} * u_day)::BIGINT * 86400 + (${hourCase('u_hour')}) * 3600 + floor(3600 * u_sec)::BIGINT AS ts,
      CASE WHEN u_type < 0.5 THEN 1 + floor(-ln(1 - u_dur) * 150)::INTEGER
           WHEN u_type >= 0.8 AND u_type < 0.9 THEN 1 + floor(-ln(1 - u_dur) * 900)::INTEGER ELSE 0 END AS duration_s,
      CASE WHEN u_cell < 0.7 THEN (comm * 7 + hash(a_rank, ${s}) % 4) % ${sites}
           ELSE floor(${sites} * u_cell)::BIGINT END AS site,
      floor(3 * u_sector)::INTEGER AS sector
    FROM ${withB}`;
}

/** A rank as a UK mobile number in national format (a bijection on 0..10⁹-1). */
export function numberSql(rank: string): string {
  return `'07' || lpad(((${rank} * 1000003 + 12345) % 1000000000)::VARCHAR, 9, '0')`;
}

/** The same mapping in JS, in the E.164 form the store keeps. */
export function storedNumberOfRank(rank: number): string {
  const v = (BigInt(rank) * 1000003n + 12345n) % 1000000000n;
  return `+447${v.toString().padStart(9, '0')}`;
}

/** Records in the generic profile's layout: type,a,b,start,duration_s,cell_id,imei,imsi. */
export function genericRecordsSql(p: GenParams): string {
  return `SELECT type, ${numberSql('a_rank')} AS a, ${numberSql('b_rank')} AS b,
      strftime(to_timestamp(ts)::TIMESTAMP, '%Y-%m-%dT%H:%M:%SZ') AS start, duration_s,
      'C' || site || '-' || sector AS cell_id, NULL::VARCHAR AS imei, NULL::VARCHAR AS imsi
    FROM (${rankedRecordsSql(p)})`;
}

/** Cell sites (three sectors each) scattered over Greater London. */
export function cellSitesSql(p: GenParams): string {
  return `SELECT 'C' || s || '-' || k AS cell_id, round(51.28 + 0.42 * ${u('s', 11, p.seed)}, 6) AS lat,
      round(-0.51 + 0.84 * ${u('s', 12, p.seed)}, 6) AS lon, k * 120 AS azimuth
    FROM range(${siteCount(p)}) a(s), range(3) b(k)`;
}

export interface GeneratedFiles {
  dir: string;
  csv: string;
  parquet: string;
  cellSites: string;
  params: GenParams;
  csvBytes: number;
  parquetBytes: number;
  generatedNow: boolean;
  seconds: number;
}

async function copyTo(c: DuckDBConnection, sql: string, path: string, options: string): Promise<void> {
  const tmp = `${path}.tmp`;
  await c.run(`COPY (${sql}) TO '${tmp}' (${options})`);
  await rename(tmp, path);
}

/**
 * Writes the CSV, Parquet and cell-site files under `<cacheDir>/<label>-<seed>-v<version>/`, or
 * reuses them when a previous run finished writing them (a `done.json` marker).
 */
export async function ensureGenerated(
  cacheDir: string,
  label: string,
  p: GenParams,
): Promise<GeneratedFiles> {
  const dir = join(cacheDir, `${label}-${p.records}-${p.seed}-v${GENERATOR_VERSION}`);
  const files = {
    csv: join(dir, 'records.csv'),
    parquet: join(dir, 'records.parquet'),
    cellSites: join(dir, 'cell_sites.csv'),
  };
  const marker = join(dir, 'done.json');
  if (existsSync(marker)) {
    const done = JSON.parse(await readFile(marker, 'utf8')) as { csvBytes: number; parquetBytes: number };
    return { dir, ...files, params: p, ...done, generatedNow: false, seconds: 0 };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await copyTo(c, genericRecordsSql(p), files.csv, "FORMAT csv, HEADER true, DELIMITER ','");
    await copyTo(c, genericRecordsSql(p), files.parquet, 'FORMAT parquet, COMPRESSION zstd');
    await copyTo(c, cellSitesSql(p), files.cellSites, 'FORMAT csv, HEADER true');
  } finally {
    c.closeSync();
    db.closeSync();
  }
  const csvBytes = statSync(files.csv).size;
  const parquetBytes = statSync(files.parquet).size;
  await writeFile(marker, JSON.stringify({ csvBytes, parquetBytes, params: p }));
  return {
    dir,
    ...files,
    params: p,
    csvBytes,
    parquetBytes,
    generatedNow: true,
    seconds: (performance.now() - t0) / 1000,
  };
}
