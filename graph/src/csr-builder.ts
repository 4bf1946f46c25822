import { bfsOrder } from './bfs-order.js';
import { ContactGraph } from './contact-graph.js';
import { flagHighDegree, type HighDegreeOptions } from './high-degree.js';
import { buildInAdjacency } from './in-adjacency.js';
import { sharedInt32, sharedUint8, sharedUint32 } from './shared-arrays.js';
import type { EdgeBatch } from './types.js';

/** Options of {@link CsrBuilder}. */
export interface BuildOptions {
  /** Relabel nodes in BFS order for locality (default true); false keeps the store's ids. */
  relabel?: boolean;
  highDegree?: HighDegreeOptions;
}

/**
 * Builds a {@link ContactGraph} from batches of directed pairs over store ids 0..nodeCount-1.
 * Batches are copied on `add` (DuckDB reuses its vectors). Rules at `finish`: self-pairs are
 * dropped; a pair seen more than once (e.g. two datasets merged) becomes one pair with summed
 * weight, earliest first, latest last and OR-ed type mask. Sorting is two counting sorts
 * (by target, then stable by source), so build time is linear in pairs.
 */
export class CsrBuilder {
  private chunks: EdgeBatch[] = [];
  private rows = 0;
  /** Self-pairs dropped by the last `finish`. */
  droppedSelfPairs = 0;

  constructor(
    readonly nodeCount: number,
    private readonly options: BuildOptions = {},
  ) {}

  /** Adds a batch (copied); throws RangeError on an id outside 0..nodeCount-1. */
  add(batch: EdgeBatch): void {
    const len = batch.length;
    const n = this.nodeCount;
    for (let i = 0; i < len; i++) {
      const s = batch.src[i]!;
      const d = batch.dst[i]!;
      if (!(s >= 0 && s < n && d >= 0 && d < n)) {
        throw new RangeError(`pair ${s}→${d} outside node range 0..${n - 1}`);
      }
    }
    this.chunks.push({
      length: len,
      src: batch.src.slice(0, len),
      dst: batch.dst.slice(0, len),
      weight: batch.weight.slice(0, len),
      first: batch.first.slice(0, len),
      last: batch.last.slice(0, len),
      typeMask: batch.typeMask.slice(0, len),
    });
    this.rows += len;
  }

  /** Builds the graph (arrays on SharedArrayBuffer) and releases the copied batches. */
  finish(): ContactGraph {
    const n = this.nodeCount;
    const chunks = this.chunks;
    this.chunks = [];
    const outDeg = new Int32Array(n);
    const inDeg = new Int32Array(n);
    let self = 0;
    for (const b of chunks) {
      for (let i = 0; i < b.length; i++) {
        const s = b.src[i]!;
        const d = b.dst[i]!;
        if (s === d) self++;
        else {
          outDeg[s]!++;
          inDeg[d]!++;
        }
      }
    }
    this.droppedSelfPairs = self;
    const r = this.rows - self;
    const toExternal = sharedInt32(n);
    const toInternal = sharedInt32(n);
    if (this.options.relabel === false) {
      for (let u = 0; u < n; u++) toExternal[u] = u;
    } else {
      const deg = new Int32Array(n);
      for (let u = 0; u < n; u++) deg[u] = outDeg[u]! + inDeg[u]!;
      bfsOrder(n, deg, chunks, toExternal);
    }
    for (let u = 0; u < n; u++) toInternal[toExternal[u]!] = u;

    // Pass 1: scatter rows grouped by internal target.
    const dstOff = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) dstOff[u + 1] = dstOff[u]! + inDeg[toExternal[u]!]!;
    const cursor = dstOff.slice(0, n);
    const s1 = new Int32Array(r);
    const w1 = new Uint32Array(r);
    const f1 = new Uint32Array(r);
    const l1 = new Uint32Array(r);
    const t1 = new Uint8Array(r);
    for (const b of chunks) {
      for (let i = 0; i < b.length; i++) {
        const s = b.src[i]!;
        const d = b.dst[i]!;
        if (s === d) continue;
        const p = cursor[toInternal[d]!]!++;
        s1[p] = toInternal[s]!;
        w1[p] = b.weight[i]!;
        f1[p] = b.first[i]!;
        l1[p] = b.last[i]!;
        t1[p] = b.typeMask[i]!;
      }
    }
    chunks.length = 0;

    // Pass 2: stable scatter by source → rows sorted by (source, target).
    const outOffsets = sharedInt32(n + 1);
    for (let u = 0; u < n; u++) outOffsets[u + 1] = outOffsets[u]! + outDeg[toExternal[u]!]!;
    cursor.set(outOffsets.subarray(0, n));
    let targets = sharedInt32(r);
    let weight = sharedUint32(r);
    let first = sharedUint32(r);
    let last = sharedUint32(r);
    let typeMask = sharedUint8(r);
    for (let d = 0; d < n; d++) {
      for (let p = dstOff[d]!, end = dstOff[d + 1]!; p < end; p++) {
        const q = cursor[s1[p]!]!++;
        targets[q] = d;
        weight[q] = w1[p]!;
        first[q] = f1[p]!;
        last[q] = l1[p]!;
        typeMask[q] = t1[p]!;
      }
    }

    // Pass 3: merge repeated pairs (adjacent after sorting), compacting in place — only when the
    // input has any (a DuckDB pairs table has none, so usually this is one read of the targets).
    let repeated = false;
    for (let u = 0; u < n && !repeated; u++) {
      for (let q = outOffsets[u]! + 1, end = outOffsets[u + 1]!; q < end; q++) {
        if (targets[q] === targets[q - 1]) {
          repeated = true;
          break;
        }
      }
    }
    let m = r;
    if (repeated) m = mergeRepeated(n, outOffsets, targets, weight, first, last, typeMask);
    outOffsets[n] = m;
    if (m < r) {
      targets = copyShared(targets, m, sharedInt32);
      weight = copyShared(weight, m, sharedUint32);
      first = copyShared(first, m, sharedUint32);
      last = copyShared(last, m, sharedUint32);
      typeMask = copyShared(typeMask, m, sharedUint8);
    }
    // Without merges the in-degrees are those counted in pass 0.
    const inDegree = repeated ? null : (u: number) => inDeg[toExternal[u]!]!;
    const { inOffsets, inSources, inEdges } = buildInAdjacency(n, outOffsets, targets, inDegree);
    const highDegree = sharedUint32((n + 31) >>> 5);
    const highDegreeThreshold = flagHighDegree(outOffsets, inOffsets, highDegree, this.options.highDegree);
    return new ContactGraph({
      nodeCount: n,
      pairCount: m,
      highDegreeThreshold,
      outOffsets,
      outTargets: targets,
      weight,
      first,
      last,
      typeMask,
      inOffsets,
      inSources,
      inEdges,
      toExternal,
      toInternal,
      highDegree,
    });
  }
}

/** Merges adjacent repeated pairs of each row in place (sum, min, max, or); returns the pair count. */
function mergeRepeated(
  n: number,
  outOffsets: Int32Array,
  targets: Int32Array,
  weight: Uint32Array,
  first: Uint32Array,
  last: Uint32Array,
  typeMask: Uint8Array,
): number {
  let m = 0;
  for (let u = 0; u < n; u++) {
    const start = outOffsets[u]!;
    const end = outOffsets[u + 1]!;
    outOffsets[u] = m;
    for (let q = start; q < end; q++) {
      if (q > start && targets[q] === targets[m - 1]) {
        const k = m - 1;
        weight[k] = weight[k]! + weight[q]!;
        if (first[q]! < first[k]!) first[k] = first[q]!;
        if (last[q]! > last[k]!) last[k] = last[q]!;
        typeMask[k] = typeMask[k]! | typeMask[q]!;
      } else {
        targets[m] = targets[q]!;
        weight[m] = weight[q]!;
        first[m] = first[q]!;
        last[m] = last[q]!;
        typeMask[m] = typeMask[q]!;
        m++;
      }
    }
  }
  return m;
}

function copyShared<T extends Int32Array | Uint32Array | Uint8Array>(
  src: T,
  length: number,
  alloc: (n: number) => T,
): T {
  const out = alloc(length);
  out.set(src.subarray(0, length));
  return out;
}
