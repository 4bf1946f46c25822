/**
 * `npm run bench:comms:louvain`: our Louvain on the S benchmark's graph three ways — in this thread
 * alone, in this thread beside graphology's graph (~520 MB of heap, as `bench:comms -- S` holds
 * it), and in the kernel worker as the API runs it — to tell a runtime's garbage collector from the
 * algorithm (docs/benchmarks.md, "Node.js 20 → 24 LTS"). Needs `npm run bench:comms -- S` first
 * (its DuckDB file). Run it under another Node.js with `<node> --import tsx bench/comms/louvain-heap.ts`.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { graphSource, louvain, runInWorker } from '#graph/index';
import { DuckDbStore } from '#server/modules/comms-data/store/index';
import { buildGraph } from './ours.js';
import { GraphologyPeer } from './peers/graphology.js';
import { fmtMs, measure, measureSync } from './timing.js';

const source = resolve(import.meta.dirname, '../../.bench/comms/work-S/bench.duckdb');
if (!existsSync(source)) {
  process.stderr.write(`${source} is missing: run \`npm run bench:comms -- S\` first.\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'lantern-louvain-'));
cpSync(source, join(dir, 'bench.duckdb'));
const store = new DuckDbStore(dir);
const built = await buildGraph(store.dataset('bench'), 1, true);
await store.close();
rmSync(dir, { recursive: true, force: true });
const { graph } = built;
const runs = 7;
const seed = 42;
const alone = measureSync(() => louvain(graph, { seed }), runs, 1);
const peer = GraphologyPeer.build(graph.nodeCount, built.batches);
const beside = measureSync(() => louvain(graph, { seed }), runs, 1);
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const worker = await measure(() => runInWorker('louvain', graphSource(graph), { seed }), runs, 1);
const all = (ms: number[]) => ms.map((m) => fmtMs(m)).join(', ');
console.log(
  `Louvain on the S graph (${graph.nodeCount} numbers), Node.js ${process.version}, median of ${runs}:`,
);
console.log(`  this thread, alone:                    ${fmtMs(alone.ms)}  (${all(alone.runs)})`);
console.log(
  `  this thread, beside graphology (${heapMb.toFixed(0)} MiB heap): ${fmtMs(beside.ms)}  (${all(beside.runs)})`,
);
console.log(`  kernel worker, start included:         ${fmtMs(worker.ms)}  (${all(worker.runs)})`);
// Held to here, so its heap is resident while the second line is measured.
void peer;
