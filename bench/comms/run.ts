/**
 * Communications-data benchmark: `npm run bench:comms -- S|M|L` (default S).
 * Generates seeded records (cached under .bench/comms/), imports them with the store, builds the
 * CSR graph, runs the same questions on our engine, DuckDB SQL and (at S) graphology, fails if any
 * answer differs, and prints medians, ratios and the issue's targets.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDbStore } from '#server/modules/comms-data/store/index';
import { AnswerCheck, AnswersDifferError } from './compare.js';
import { ensureGenerated, paramsFor } from './generator.js';
import { chooseInputs } from './inputs.js';
import { buildGraph, ingest, snapshotRoundTrip } from './ours.js';
import { DuckDbSqlPeer, rawIngest, rawScan } from './peers/duckdb-sql.js';
import { GraphologyPeer } from './peers/graphology.js';
import { graphQueries } from './queries.js';
import { formatTable, type ReportRow, ratio, type SizeLabel, verdict } from './report.js';
import { repeatedCoLocationRow, storeQueries, withRawPeer } from './store-queries.js';
import { fmtBytes, fmtMs, fmtRate, measure, settledHeap } from './timing.js';

const SIZES: Record<
  SizeLabel,
  {
    records: number;
    ingestRuns: number;
    buildRuns: number;
    fast: number;
    sql: number;
    slow: number;
    sqlPairs: number;
    /** Each recursive CTE of the DuckDB SQL peer is stopped past this. */
    cteBudgetMs: number;
    graphology: boolean;
  }
> = {
  S: {
    records: 1_000_000,
    ingestRuns: 3,
    buildRuns: 3,
    fast: 20,
    sql: 5,
    slow: 3,
    sqlPairs: 10,
    cteBudgetMs: 600_000,
    graphology: true,
  },
  M: {
    records: 10_000_000,
    ingestRuns: 1,
    buildRuns: 3,
    fast: 10,
    sql: 3,
    slow: 1,
    sqlPairs: 3,
    cteBudgetMs: 600_000,
    graphology: false,
  },
  L: {
    records: 100_000_000,
    ingestRuns: 1,
    buildRuns: 3,
    fast: 5,
    sql: 1,
    slow: 1,
    sqlPairs: 3,
    cteBudgetMs: 120_000,
    graphology: false,
  },
};
const SEED = 20_260_101;
const ROOT = resolve(import.meta.dirname, '../..');

function pkgVersion(name: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

/** "name 1.23 s, name 45.6 ms, …" */
function timesText(times: Record<string, number>): string {
  return Object.entries(times)
    .map(([k, v]) => `${k} ${fmtMs(v)}`)
    .join(', ');
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function main(): Promise<void> {
  const arg = (process.argv[2] ?? 'S').toUpperCase();
  if (!(arg in SIZES)) throw new Error(`size must be S, M or L (got '${process.argv[2]}')`);
  const size = arg as SizeLabel;
  const cfg = SIZES[size];
  const cache = join(ROOT, '.bench', 'comms');
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmtBytes(totalmem())} RAM; node ${process.version}, @duckdb/node-api ${pkgVersion('@duckdb/node-api')}, graphology ${pkgVersion('graphology')}, graphology-communities-louvain ${pkgVersion('graphology-communities-louvain')}`;
  console.log(
    `Lantern comms benchmark, size ${size} (${cfg.records.toLocaleString('en')} records), seed ${SEED}`,
  );
  console.log(`machine: ${machine}`);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const loadAtStart = load();

  const files = await ensureGenerated(cache, size, paramsFor(cfg.records, SEED));
  log(
    files.generatedNow ? `generated ${files.dir} in ${files.seconds.toFixed(1)} s` : `reusing ${files.dir}`,
  );
  const work = join(cache, `work-${size}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const check = new AnswerCheck();
  const rows: ReportRow[] = [];
  /** Adds lines to the table and logs each at once, so a long run (L) that is stopped keeps its figures. */
  const report = (...added: ReportRow[]): void => {
    for (const r of added) log(`${r.line}: ours ${r.ours} | DuckDB ${r.duckdb} | ${r.ratio} ${r.verdict}`);
    rows.push(...added);
  };

  // Ingest: Parquet first (dataset dropped), then CSV (the last import is the dataset queried).
  const store = new DuckDbStore(work);
  log('ingest Parquet');
  const pq = await ingest(store, 'parquet', files.parquet, 'parquet', cfg.ingestRuns);
  await store.deleteDataset('parquet');
  const rawPq = await measure(
    () => rawIngest(files.parquet, 'parquet', join(work, 'raw.duckdb')),
    cfg.ingestRuns,
    0,
  );
  const scanPq = await measure(() => rawScan(files.parquet, 'parquet'), cfg.ingestRuns);
  const scanCsv = await measure(() => rawScan(files.csv, 'csv'), cfg.ingestRuns);
  log('ingest CSV');
  const rawCsv = await measure(
    () => rawIngest(files.csv, 'csv', join(work, 'raw.duckdb')),
    cfg.ingestRuns,
    0,
  );
  const csv = await ingest(store, 'bench', files.csv, 'csv', cfg.ingestRuns);
  check.equal('records read from CSV', 'ours', csv.read, 'DuckDB read_csv', rawCsv.result);
  check.equal('records read from Parquet', 'ours', pq.read, 'DuckDB read_parquet', rawPq.result);
  check.equal('records loaded', 'CSV import', csv.loaded, 'Parquet import', pq.loaded);
  const mb = (files.csvBytes / 2 ** 20).toFixed(0);
  report({
    line: `ingest CSV (${csv.read.toLocaleString('en')} rows, ${mb} MiB)`,
    ours: `${fmtMs(csv.ms)} · ${fmtRate(csv.rowsPerS)}`,
    duckdb: `read_csv→table ${fmtMs(rawCsv.ms)} · ${fmtRate(rawCsv.result / (rawCsv.ms / 1000))}; scan only ${fmtMs(scanCsv.ms)}`,
    graphology: '—',
    ratio: `${ratio(csv.ms, rawCsv.ms)} of read_csv`,
    target: '≤ 1.2× read_csv (M)',
    verdict: verdict(csv.ms <= 1.2 * rawCsv.ms, 'M', size),
  });
  report({
    line: `ingest Parquet (${(files.parquetBytes / 2 ** 20).toFixed(0)} MiB)`,
    ours: `${fmtMs(pq.ms)} · ${fmtRate(pq.rowsPerS)}`,
    duckdb: `read_parquet→table ${fmtMs(rawPq.ms)} · ${fmtRate(rawPq.result / (rawPq.ms / 1000))}; scan only ${fmtMs(scanPq.ms)}`,
    graphology: '—',
    ratio: `${ratio(pq.ms, rawPq.ms)} of read_parquet`,
    target: '≥ 4 M rows/s (M)',
    verdict: verdict(pq.rowsPerS >= 4e6, 'M', size),
  });
  const ds = store.dataset('bench');
  const sites = await ds.importCellSites(files.cellSites);
  const stats = await ds.stats();
  log(
    `dataset: ${stats.records} records, ${stats.numbers} numbers, ${stats.directedPairs} directed pairs, ${sites.loaded} cells`,
  );

  log('graph build');
  const built = await buildGraph(ds, cfg.buildRuns, cfg.graphology);
  const graph = built.graph;
  log(`graph build runs ${built.runs.map(fmtMs).join(', ')}; steps of the last: ${timesText(built.steps)}`);
  check.equal('pairs in graph', 'CSR', graph.pairCount, 'store stats', stats.directedPairs - stats.selfLoops);
  const snap = await snapshotRoundTrip(graph, work, 3);
  const inputs = chooseInputs(graph, SEED);
  const numbers = await ds.lookupNumbers([inputs.seeds.p99.id]);
  log('store queries');
  settledHeap();
  const sq = await storeQueries(ds, numbers[0]!, size, cfg.fast);
  settledHeap();
  const rss = process.memoryUsage().rss;
  log('repeated co-location');
  const repeatedRow = await repeatedCoLocationRow(ds);
  const rssAfterJoin = process.memoryUsage().rss;
  await store.close();

  let gl: GraphologyPeer | null = null;
  let glSnap: { saveMs: number; loadMs: number } | null = null;
  if (cfg.graphology) {
    log('graphology build');
    gl = GraphologyPeer.build(graph.nodeCount, built.batches);
    glSnap = await gl.snapshot(join(work, 'graphology.json'));
  }
  built.batches.length = 0;
  report({
    line: `graph build (${graph.nodeCount.toLocaleString('en')} numbers, ${graph.pairCount.toLocaleString('en')} pairs)`,
    ours: fmtMs(built.ms),
    duckdb: '—',
    graphology: gl ? `${fmtMs(gl.directedBuildMs)} (from arrays)` : 'skipped (size)',
    ratio: gl ? `${ratio(gl.directedBuildMs, built.ms)} vs graphology` : '—',
    target: size === 'L' ? '≤ 20 s (L)' : '≤ 3 s (M)',
    verdict: verdict(built.ms <= (size === 'L' ? 20_000 : 3000), size === 'L' ? 'L' : 'M', size),
  });
  report({
    line: `snapshot save / reload (${fmtBytes(snap.bytes)})`,
    ours: `${fmtMs(snap.saveMs)} / ${fmtMs(snap.loadMs)}`,
    duckdb: '—',
    graphology: glSnap ? `JSON ${fmtMs(glSnap.saveMs)} / ${fmtMs(glSnap.loadMs)}` : 'skipped (size)',
    ratio: glSnap ? `${ratio(glSnap.loadMs, snap.loadMs)} (reload)` : '—',
    target: 'reload ≤ 3 s (L)',
    verdict: verdict(snap.loadMs <= 3000, 'L', size),
  });
  const glBpp = gl ? gl.heapBytes / graph.pairCount : Number.NaN;
  report({
    line: 'bytes per contact pair (incl. weight, times, types)',
    ours: graph.bytesPerPair().toFixed(1),
    duckdb: '—',
    graphology: gl ? `${glBpp.toFixed(0)} (heap)` : 'skipped (size)',
    ratio: gl ? `${ratio(glBpp, graph.bytesPerPair())} smaller` : '—',
    target: '≤ 40',
    verdict: verdict(graph.bytesPerPair() <= 40, 'any', size),
  });

  log('DuckDB SQL peer');
  const sql = await DuckDbSqlPeer.open(join(work, 'bench.duckdb'), cfg.cteBudgetMs);
  const prepMs = await sql.prepare(inputs.watchlist, inputs.highDegree);
  log(`DuckDB adjacency prepared in ${fmtMs(prepMs)}`);
  const raw = await measure(() => sql.timelineRaw(inputs.seeds.p99.id), cfg.sql);
  check.equal('timeline total', 'store', sq.timelineTotal, 'DuckDB raw events', raw.result);
  const pair = sq.pair;
  const rawCo = pair
    ? await measure(() => sql.coLocationPairRaw(inputs.seeds.p99.id, pair.otherId, 30 * 60), cfg.sql)
    : null;
  if (pair && rawCo)
    check.equal('co-location of a pair', 'store', pair.occurrences, 'DuckDB raw events', rawCo.result);
  const [tlRow, pairTlRow, coRow, pairCoRow] = sq.rows;
  report(withRawPeer(tlRow!, sq.timelineMs, raw.ms), pairTlRow!, coRow!);
  report(pair && rawCo ? withRawPeer(pairCoRow!, pair.ms, rawCo.ms) : pairCoRow!, repeatedRow);
  report({
    line: 'process RSS after load (graph + store)',
    ours: fmtBytes(rss),
    duckdb: '—',
    graphology: gl ? `+${fmtBytes(gl.heapBytes)} heap for its graph` : '—',
    ratio: '—',
    target: '≤ 1.5 GiB (M)',
    verdict: verdict(rss <= 1.5 * 2 ** 30, 'M', size),
  });
  report({
    line: 'process RSS after the whole-dataset co-location join (DuckDB keeps its buffers)',
    ours: fmtBytes(rssAfterJoin),
    duckdb: '—',
    graphology: '—',
    ratio: '—',
    target: '—',
    verdict: '',
  });

  const runs = { fast: cfg.fast, sql: cfg.sql, slow: cfg.slow };
  await graphQueries(
    {
      size,
      graph,
      inputs,
      sql,
      gl,
      check,
      runs,
      sqlPairs: cfg.sqlPairs,
      cteBudgetMs: cfg.cteBudgetMs,
      seed: SEED,
      log,
    },
    report,
  );
  sql.close();
  console.log(
    `\ndata: ${stats.records.toLocaleString('en')} records, ${stats.numbers.toLocaleString('en')} numbers, ${stats.directedPairs.toLocaleString('en')} directed pairs, ${stats.spanDays.toFixed(1)} days; high-degree flagged: ${inputs.highDegree.length}`,
  );
  console.log(
    `seeds: ${Object.entries(inputs.seeds)
      .map(([k, v]) => `${k} deg ${v.degree}`)
      .join(', ')}; median of runs after a warm-up (ingest ${cfg.ingestRuns}, build ${cfg.buildRuns})\n`,
  );
  console.log(formatTable(rows));
  console.log(
    `\nload average (1/5/15 min) at start ${loadAtStart}, at end ${load()} on ${cpus().length} cores shared with other work.`,
  );
  console.log(
    `\n* target stated for another size (M or L): printed for reference. Build runs: ${built.runs.map(fmtMs).join(', ')}; CSV imports: ${csv.runs.map(fmtMs).join(', ')}; ${check.checks} answer checks.`,
  );
  console.log(`import phases (last run) CSV: ${timesText(csv.phases)}; Parquet: ${timesText(pq.phases)}`);
  console.log(`graph build steps (last run): ${timesText(built.steps)}`);
  check.assertAgreed();
  console.log('all engines agree.');
}

main().catch((error: unknown) => {
  if (error instanceof AnswersDifferError) console.error(`\nFAIL: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
