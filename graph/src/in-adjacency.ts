import { type BuildSteps, splitByOffsets, task } from './build-steps.js';
import { sharedInt32 } from './shared-arrays.js';

/**
 * Nodes per block, as a shift, for the blocked scatters of the build: about 32 K entries a block,
 * so a block's slice of the output stays in L2 while its entries are put in place. Measured for
 * the in-adjacency at 1 M numbers / 7.4 M pairs: 4 K nodes a block (shift 12) 0.27–0.37 s, 1 K
 * 0.35–0.50 s, one scatter straight into place 0.76–0.85 s.
 */
export function blockShift(n: number, m: number): number {
  if (m === 0) return 20;
  return Math.min(20, Math.max(6, Math.floor(Math.log2((n / m) * 32_768))));
}

/** A transposed CSR: each node's sources ascending, and with `inEdges` the out-edge id of each. */
export interface Transposed {
  inOffsets: Int32Array;
  inSources: Int32Array;
  inEdges: Int32Array | null;
}

/**
 * The transpose of an out-CSR, as steps that split into `parts` (one per thread).
 *
 * One scatter of every entry straight to its place writes at random over the whole output
 * (each write a cache and TLB miss), and so does counting each node's in-degree first. Instead
 * the entries go to their target's block — sequential write streams, counted by block only — and
 * each block, small enough to stay in cache, then counts its targets and puts its entries in
 * order. Both steps keep sources in increasing order, so each node's sources come out ascending.
 * Measured at 10 M numbers / 74 M pairs: 3.4–3.5 s, 4.1–4.3 s with a random in-degree count
 * first; a first pass to groups of blocks (fewer write streams at once) gained nothing there.
 *
 * In parts: part t scatters the sources of its range (ranges cut at equal numbers of entries)
 * from its own cursor in each block, after the parts before it; then each part orders a range of
 * blocks. Every array a part touches is on a SharedArrayBuffer. `scratch` (m entries, shared),
 * when given, holds the targets during the scatter instead of a new array: fresh memory costs
 * ~0.75 s a GiB here to fault in.
 */
export function* transposeSteps(
  n: number,
  outOffsets: Int32Array,
  targets: Int32Array,
  withEdges: boolean,
  parts: number,
  scratch?: Int32Array,
): BuildSteps<Transposed> {
  const m = outOffsets[n]!;
  const shift = blockShift(n, m);
  const blocks = (n >> shift) + 1;
  const sourceCuts = splitByOffsets(outOffsets, n, parts);
  // Each part counts its entries per block: one sequential read, counts in a small array.
  const counts = sourceCuts.slice(1).map(() => sharedInt32(blocks));
  yield task(
    'countBlocks',
    counts.map((c, t) => ({
      targets,
      from: outOffsets[sourceCuts[t]!]!,
      to: outOffsets[sourceCuts[t + 1]!]!,
      shift,
      counts: c,
    })),
  );
  // Block starts; each part's count becomes its cursor: the block start plus earlier parts' counts.
  const blockStart = sharedInt32(blocks + 1);
  for (let k = 0; k < blocks; k++) {
    let q = blockStart[k]!;
    for (const c of counts) {
      const len = c[k]!;
      c[k] = q;
      q += len;
    }
    blockStart[k + 1] = q;
  }
  const inSources = sharedInt32(m);
  const inEdges = withEdges ? sharedInt32(m) : null;
  const target = scratch && scratch.length >= m ? scratch : sharedInt32(m);
  yield task(
    'scatterToBlocks',
    counts.map((cursor, t) => ({
      outOffsets,
      targets,
      u0: sourceCuts[t]!,
      u1: sourceCuts[t + 1]!,
      shift,
      cursor,
      target,
      inSources,
      inEdges,
    })),
  );
  const inOffsets = sharedInt32(n + 1);
  const blockCuts = splitByOffsets(blockStart, blocks, parts);
  yield task(
    'sortBlocks',
    blockCuts.slice(1).map((k1, t) => ({
      n,
      shift,
      k0: blockCuts[t]!,
      k1,
      blockStart,
      target,
      inSources,
      inEdges,
      inOffsets,
    })),
  );
  return { inOffsets, inSources, inEdges };
}

/** Counts the entries [from, to) of `targets` by block of their target. */
export function countBlocks(p: {
  targets: Int32Array;
  from: number;
  to: number;
  shift: number;
  counts: Int32Array;
}): void {
  const { targets, shift, counts } = p;
  for (let e = p.from; e < p.to; e++) counts[targets[e]! >> shift]!++;
}

/** Entries of sources [u0, u1) to their target's block, in source order; the target rides along. */
export function scatterToBlocks(p: {
  outOffsets: Int32Array;
  targets: Int32Array;
  u0: number;
  u1: number;
  shift: number;
  cursor: Int32Array;
  target: Int32Array;
  inSources: Int32Array;
  inEdges: Int32Array | null;
}): void {
  const { outOffsets, targets, shift, cursor, target, inSources, inEdges } = p;
  for (let u = p.u0; u < p.u1; u++) {
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      const q = cursor[v >> shift]!++;
      target[q] = v;
      inSources[q] = u;
      if (inEdges) inEdges[q] = e;
    }
  }
}

/** Blocks [k0, k1): each counts its targets, then a stable counting sort by target (via a copy). */
export function sortBlocks(p: {
  n: number;
  shift: number;
  k0: number;
  k1: number;
  blockStart: Int32Array;
  target: Int32Array;
  inSources: Int32Array;
  inEdges: Int32Array | null;
  inOffsets: Int32Array;
}): void {
  const { n, shift, blockStart, target, inSources, inEdges, inOffsets } = p;
  const span = 1 << shift;
  const cursor = new Int32Array(span + 1);
  let sources = new Int32Array(0);
  let edges = new Int32Array(0);
  for (let k = p.k0; k < p.k1; k++) {
    const v0 = k * span;
    if (v0 >= n) break;
    const v1 = Math.min(n, v0 + span);
    const a = blockStart[k]!;
    const len = blockStart[k + 1]! - a;
    cursor.fill(0);
    for (let i = a; i < a + len; i++) cursor[target[i]! - v0 + 1]!++;
    inOffsets[v0] = a;
    for (let v = v0; v < v1; v++) {
      cursor[v - v0 + 1] = cursor[v - v0 + 1]! + cursor[v - v0]!;
      inOffsets[v + 1] = a + cursor[v - v0 + 1]!;
    }
    if (sources.length < len) {
      sources = new Int32Array(len);
      if (inEdges) edges = new Int32Array(len);
    }
    sources.set(inSources.subarray(a, a + len));
    if (inEdges) edges.set(inEdges.subarray(a, a + len));
    for (let i = 0; i < len; i++) {
      const q = a + cursor[target[a + i]! - v0]!++;
      inSources[q] = sources[i]!;
      if (inEdges) inEdges[q] = edges[i]!;
    }
  }
}
