import { availableParallelism } from 'node:os';
import { bfsOrder } from './bfs-order.js';
import { BuildHelper, runParallel } from './build-helper.js';
import { runSync } from './build-ops.js';
import type { BuildSteps } from './build-steps.js';
import { ContactGraph } from './contact-graph.js';
import { flagHighDegree, type HighDegreeOptions } from './high-degree.js';
import { transposeSteps } from './in-adjacency.js';
import { concatRows, concatTargets, moveRowsSteps, type PairRows, prefixSums } from './pair-rows.js';
import { isSharedBatch, sharedCopy, sharedInt32, sharedUint32 } from './shared-arrays.js';
import { sortAndMerge } from './sort-and-merge.js';
import type { EdgeBatch } from './types.js';

/** Options of {@link CsrBuilder}. */
export interface BuildOptions {
  /** Relabel nodes in BFS order for locality (default true); false keeps the store's ids. */
  relabel?: boolean;
  highDegree?: HighDegreeOptions;
  /**
   * Pairs from which `build` uses a helper thread, started as soon as that many are added
   * (default 16 M; see PARALLEL_MIN_PAIRS).
   */
  helperFromPairs?: number;
  /** Called after each step of `finish` with its wall time (ms): for profiling a large build. */
  onStep?: (step: string, ms: number) => void;
}

/**
 * Pairs from which {@link CsrBuilder.build} uses a helper thread. The builder starts it as soon as
 * the pairs added reach this count, so that it loads (through tsx: ~0.3 s of a core) while the
 * rest of the pairs are read. At 7.4 M pairs (the M bench) the build passes its 3 s target either
 * way (one thread 2.0–2.9 s, two 1.7–2.4 s in alternating runs), but the bench's resident size
 * after load was 1.51 GiB with the helper against 1.41–1.42 GiB without (target 1.5 GiB): memory
 * the thread leaves behind. At 74 M pairs the split steps take about half as long on two threads.
 */
const PARALLEL_MIN_PAIRS = 1 << 24;

/**
 * Builds a {@link ContactGraph} from batches of directed pairs over store ids 0..nodeCount-1.
 * Batches are copied on `add` (or kept as they are by `adopt`). Rules at `finish`: self-pairs are
 * dropped; a pair seen more than once (e.g. two datasets merged) becomes one pair with summed
 * weight, earliest first, latest last and OR-ed type mask.
 *
 * Input already sorted by (source, target) without repeats — a DuckDB pairs table — is used as it
 * comes; any other input is first put in that order by two counting sorts. Relabelling then
 * writes each store row, read in order, to its new place, and sorts the (short) rows by new
 * target: no pass of the build reads the pair data in random order (measured at 1 M numbers /
 * 7.4 M pairs: 4.0–5.2 s with two whole-graph scatters in new ids, 1.8–2.1 s now).
 */
export class CsrBuilder {
  private chunks: EdgeBatch[] = [];
  /** Self-pairs in each chunk. */
  private chunkSelfPairs: number[] = [];
  private rows = 0;
  private readonly outDegree: Int32Array;
  private selfPairs = 0;
  /** Whether every pair so far came in strictly increasing (source, target) order. */
  private sorted = true;
  private lastSource = -1;
  private lastTarget = -1;
  private threadsUsed = 0;
  /** Started once the pairs reach `helperFromPairs`, so it loads while the rest is read. */
  private helper: BuildHelper | null = null;

  constructor(
    readonly nodeCount: number,
    private readonly options: BuildOptions = {},
  ) {
    this.outDegree = new Int32Array(nodeCount);
  }

  /** Whether the pairs added so far are enough for a helper thread, and a second core exists. */
  private get helperPays(): boolean {
    return this.rows >= (this.options.helperFromPairs ?? PARALLEL_MIN_PAIRS) && availableParallelism() > 1;
  }

  /** Threads the build used (0 before it ran): 2 when `build` had a helper thread. */
  get threads(): number {
    return this.threadsUsed;
  }

  /** Self-pairs among the pairs added (dropped by `finish`). */
  get droppedSelfPairs(): number {
    return this.selfPairs;
  }

  /** Adds a batch (copied to shared memory); throws RangeError on an id outside 0..nodeCount-1. */
  add(batch: EdgeBatch): void {
    const len = batch.length;
    this.adopt({
      length: len,
      src: sharedCopy(batch.src, len),
      dst: sharedCopy(batch.dst, len),
      weight: sharedCopy(batch.weight, len),
      first: sharedCopy(batch.first, len),
      last: sharedCopy(batch.last, len),
      typeMask: sharedCopy(batch.typeMask, len),
    });
  }

  /**
   * Adds a batch without copying it: the builder keeps its arrays until `finish`, so the caller
   * must not change them (a batch that owns its arrays, as the store streams them). `build` uses
   * a helper thread only when they are on SharedArrayBuffers.
   */
  adopt(batch: EdgeBatch): void {
    const len = batch.length;
    const n = this.nodeCount;
    const { src, dst } = batch;
    const { outDegree } = this;
    let sorted = this.sorted;
    let ls = this.lastSource;
    let ld = this.lastTarget;
    let self = 0;
    for (let i = 0; i < len; i++) {
      const s = src[i]!;
      const d = dst[i]!;
      if (!(s >= 0 && s < n && d >= 0 && d < n)) {
        throw new RangeError(`pair ${s}→${d} outside node range 0..${n - 1}`);
      }
      if (sorted && !(s > ls || (s === ls && d > ld))) sorted = false;
      ls = s;
      ld = d;
      if (s === d) self++;
      else outDegree[s]!++;
    }
    this.sorted = sorted;
    this.lastSource = ls;
    this.lastTarget = ld;
    this.selfPairs += self;
    this.chunks.push(batch);
    this.chunkSelfPairs.push(self);
    this.rows += len;
    if (!this.helper && this.helperPays) this.helper = new BuildHelper();
  }

  /** Builds the graph on this thread (arrays on SharedArrayBuffer) and releases the batches. */
  finish(): ContactGraph {
    void this.helper?.close();
    this.helper = null;
    this.threadsUsed = 1;
    return runSync(this.steps(1));
  }

  /**
   * Builds the graph, large ones with a helper thread: the transposes, the row moves and the row
   * sorts split by range between the two threads (the BFS ordering stays on this one). Small
   * graphs, and batches not on SharedArrayBuffer, build on this thread as {@link finish} does.
   */
  async build(options: { threads?: 1 | 2 } = {}): Promise<ContactGraph> {
    const threads = options.threads ?? (this.helperPays ? 2 : 1);
    const shared = !this.sorted || this.chunks.every(isSharedBatch);
    if (threads === 1 || !shared) return this.finish();
    const helper = this.helper ?? new BuildHelper();
    this.helper = null;
    this.threadsUsed = 2;
    try {
      return await runParallel(this.steps(2), helper);
    } finally {
      await helper.close();
    }
  }

  /** The build as steps in `parts` (see build-steps.ts); releases the batches. */
  private *steps(parts: number): BuildSteps<ContactGraph> {
    const onStep = this.options.onStep;
    let t0 = performance.now();
    const step = (name: string) => {
      if (!onStep) return;
      const t = performance.now();
      onStep(name, t - t0);
      t0 = t;
    };
    const n = this.nodeCount;
    let batches = this.chunks;
    let selfPairs = this.chunkSelfPairs;
    this.chunks = [];
    this.chunkSelfPairs = [];
    let outDegree = this.outDegree;
    let m = this.rows - this.selfPairs;
    if (!this.sorted) {
      const s = sortAndMerge(n, batches, m);
      batches = [s.batch];
      selfPairs = [0];
      m = s.batch.length;
      outDegree = s.outDegree;
      step('sort and merge');
    }
    const toExternal = sharedInt32(n);
    const toInternal = sharedInt32(n);
    let rows: PairRows;
    /** An array of m entries the build no longer needs, for the in-adjacency's scratch. */
    let spare: Int32Array | undefined;
    if (this.options.relabel !== false) {
      const storeOffsets = prefixSums(outDegree, sharedInt32(n + 1));
      const storeTargets = concatTargets(batches, m, selfPairs);
      step('store rows');
      const callers = yield* transposeSteps(n, storeOffsets, storeTargets, false, parts);
      step('callers');
      bfsOrder(n, storeOffsets, storeTargets, callers, toExternal);
      step('BFS order');
      for (let u = 0; u < n; u++) toInternal[toExternal[u]!] = u;
      spare = callers.inSources;
      // The store's targets are mapped to new ids in place: the BFS no longer needs them.
      const store = { offsets: storeOffsets, targets: storeTargets };
      rows = yield* moveRowsSteps(n, batches, store, toExternal, toInternal, parts, step);
    } else {
      for (let u = 0; u < n; u++) toExternal[u] = toInternal[u] = u;
      rows = concatRows(batches, prefixSums(outDegree, sharedInt32(n + 1)));
    }
    const { offsets: outOffsets, targets } = rows;
    const inAdjacency = yield* transposeSteps(n, outOffsets, targets, true, parts, spare);
    const { inOffsets, inSources } = inAdjacency;
    step('in-adjacency');
    const highDegree = sharedUint32((n + 31) >>> 5);
    const highDegreeThreshold = flagHighDegree(outOffsets, inOffsets, highDegree, this.options.highDegree);
    step('high-degree flags');
    return new ContactGraph({
      nodeCount: n,
      pairCount: m,
      highDegreeThreshold,
      outOffsets,
      outTargets: targets,
      weight: rows.weight,
      first: rows.first,
      last: rows.last,
      typeMask: rows.typeMask,
      inOffsets,
      inSources,
      inEdges: inAdjacency.inEdges!,
      toExternal,
      toInternal,
      highDegree,
    });
  }
}
