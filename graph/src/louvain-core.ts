import { modularityOf } from './modularity.js';
import { createRng, shuffleInPlace } from './prng.js';

/** One level of the Louvain hierarchy: symmetric adjacency (no self entries) plus self weights. */
export interface LevelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /**
   * Float32 only when every weight is an integer below 2^24 (exact; see `projectCompact`): half
   * the bytes streamed on every visit of the memory-bound local moving, same arithmetic (sums
   * are still accumulated in Float64).
   */
  weights: Float64Array | Float32Array;
  self: Float64Array;
}

/** Options of {@link louvainPartition}. */
export interface LouvainCoreOptions {
  seed?: number;
  resolution?: number;
  /**
   * Visiting order of the sweeps: `sequential` (default: node id order, which after BFS
   * relabelling gives locality — measured 1.4× faster and slightly higher modularity at 1 M nodes)
   * or `shuffle` (seeded random order, drawn anew at each level, the classic choice).
   */
  order?: 'shuffle' | 'sequential';
  /**
   * Cap on sweeps per level (default 3; levels of more than {@link LARGE_LEVEL} nodes get one).
   * The tail is long and nearly gainless: measured at 1 M nodes / 7.4 M pairs with three sweeps
   * on the first level, its sweeps 4–11 visited 83 K nodes for 12 K moves (~0.4 s), and running
   * every level to the end raised the modularity by 0.0001 only.
   */
  maxPassesPerLevel?: number;
  maxLevels?: number;
}

/**
 * Levels with more nodes than this get a single sweep. There a visit is memory-bound and costs
 * ~3× one on a level that fits in cache (1.1–1.4 µs at 1 M nodes, 0.35–0.45 µs at 100 K), and
 * aggregating after the first sweep (which moves 93 % of the nodes) leaves the remaining moves to
 * a level five times smaller. Measured at 1 M nodes / 7.4 M pairs (levels of 1 M and 184 K nodes
 * swept once): partition 3.7–4.3 s → 3.3–3.6 s (min–median of 10 runs) for a modularity
 * 0.80403 → 0.80391.
 */
const LARGE_LEVEL = 1 << 17;

/**
 * Louvain (Blondel et al. 2008): local moving of nodes to the neighbouring community with the best
 * modularity gain (see {@link localMoving}); then aggregation of communities into nodes; repeated
 * while a level moves anything. Returns the community of every node of the first level (dense
 * ids), the number of levels run and the partition's modularity.
 */
export function louvainPartition(
  g0: LevelGraph,
  options: LouvainCoreOptions = {},
): { community: Int32Array; levels: number; modularity: number } {
  const rng = createRng(options.seed ?? 1);
  const resolution = options.resolution ?? 1;
  const assign = identity(g0.n);
  let g = g0;
  let levels = 0;
  while (levels < (options.maxLevels ?? 100)) {
    const order = options.order === 'shuffle' ? shuffleInPlace(identity(g.n), rng) : null;
    const sweeps = g.n > LARGE_LEVEL ? 1 : (options.maxPassesPerLevel ?? 3);
    const { comm, moved } = localMoving(g, order, resolution, sweeps);
    levels++;
    const count = renumber(comm);
    follow(assign, comm);
    if (!moved || count === g.n)
      return { community: assign, levels, modularity: levelModularity(g, comm, resolution) };
    g = aggregate(g, comm, count);
  }
  return { community: assign, levels, modularity: levelModularity(g, identity(g.n), resolution) };
}

/**
 * Modularity of the final partition, read off the last level: aggregation keeps every
 * community's internal weight (self weights) and total strength, so this equals the modularity
 * on the first level without another pass over its millions of entries.
 */
function levelModularity(g: LevelGraph, comm: Int32Array, resolution: number): number {
  return modularityOf(
    { n: g.n, offsets: g.offsets, targets: g.targets, weights: g.weights },
    comm,
    resolution,
    g.self,
  );
}

/** Maps every first-level node's current node to that node's community (assign[i] = comm[assign[i]]). */
function follow(assign: Int32Array, comm: Int32Array): void {
  for (let i = 0; i < assign.length; i++) assign[i] = comm[assign[i]!]!;
}

function identity(n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

/** Node strengths (self weight plus incident weights), their total (2W) and the largest degree. */
function strength(g: LevelGraph): { k: Float64Array; m2: number; maxDegree: number } {
  const k = new Float64Array(g.n);
  let m2 = 0;
  let maxDegree = 0;
  for (let i = 0; i < g.n; i++) {
    let s = g.self[i]!;
    const a = g.offsets[i]!;
    const b = g.offsets[i + 1]!;
    for (let e = a; e < b; e++) s += g.weights[e]!;
    k[i] = s;
    m2 += s;
    maxDegree = Math.max(maxDegree, b - a);
  }
  return { k, m2, maxDegree };
}

/**
 * The node records of {@link localMoving}, every node alone and flagged. Setup and read-out loops
 * live outside localMoving (and outside aggregate): a hot loop there got the whole function
 * compiled on the spot (OSR) before its main loop had run, then thrown away at each part not yet
 * seen — measured at 100 K nodes, 22 deoptimisations of localMoving over five levels, 7 now.
 */
function startRecords(k: Float64Array): ArrayBuffer {
  const records = new ArrayBuffer(16 * k.length);
  const f64 = new Float64Array(records);
  const i32 = new Int32Array(records);
  for (let x = 0; x < k.length; x++) {
    f64[2 * x] = k[x]!;
    i32[4 * x + 2] = x;
    i32[4 * x + 3] = 1;
  }
  return records;
}

/** The community field of every node record. */
function communities(records: ArrayBuffer): Int32Array {
  const i32 = new Int32Array(records);
  const comm = new Int32Array(i32.length >>> 2);
  for (let x = 0; x < comm.length; x++) comm[x] = i32[4 * x + 2]!;
  return comm;
}

/** Nodes with at most this many neighbours use the small-list path. */
const SMALL = 32;

/**
 * Fast local moving (Traag 2015, as in Leiden and graphology's fastLocalMoves): every node starts
 * flagged; a visit clears the node's flag, and a node that moves flags its neighbours outside its
 * new community. Flagged nodes are visited in sweeps over `order` (node id order when null) until
 * none is flagged (no node can improve) or after `maxSweeps` sweeps.
 *
 * The first level's visits are memory-bound (each reads the community of every neighbour, all
 * over the level). Three measured choices, at 1 M nodes / 14 M entries:
 * - sweeps rather than a FIFO queue of re-queued nodes: rows are read in address order;
 * - each visit first gathers its neighbours' communities in a tight loop, so that their cache
 *   misses overlap instead of each waiting behind the branches of the accumulation (these two
 *   together: first level 3.8–4.7 s → 2.6–3.4 s; either alone gained nothing measurable);
 * - a node's community, flag and (as a community) total strength share a 16-byte record, so a
 *   neighbour that is still alone, or whose community bears its id, costs one cache miss instead
 *   of three (first sweep 1.23–1.72 s → 1.10–1.24 s, min–median of 16 runs).
 */
function localMoving(g: LevelGraph, order: Int32Array | null, res: number, maxSweeps: number) {
  const n = g.n;
  const { k, m2, maxDegree } = strength(g);
  if (m2 === 0) return { comm: identity(n), moved: false };
  // Record of node x: tot (community x's total strength) at f64[2x], comm at i32[4x + 2], flag
  // (1 = to visit) at i32[4x + 3].
  const records = startRecords(k);
  const f64 = new Float64Array(records);
  const i32 = new Int32Array(records);
  let pending = n;
  const { offsets, targets, weights } = g;
  /** Communities of the visited node's neighbours, gathered before use. */
  const nc = new Int32Array(maxDegree);
  const neighW = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const localC = new Int32Array(SMALL);
  const localW = new Float64Array(SMALL);
  let moved = false;
  for (let sweep = 0; pending > 0 && sweep < maxSweeps; sweep++) {
    for (let p = 0; p < n; p++) {
      const i = order ? order[p]! : p;
      if (i32[4 * i + 3] === 0) continue;
      i32[4 * i + 3] = 0;
      pending--;
      const ci = i32[4 * i + 2]!;
      const ki = k[i]!;
      const a = offsets[i]!;
      const b = offsets[i + 1]!;
      for (let e = a; e < b; e++) nc[e - a] = i32[4 * targets[e]! + 2]!;
      f64[2 * ci] -= ki;
      const scale = (res * ki) / m2;
      let best = ci;
      let bestGain = 0;
      if (b - a <= SMALL) {
        // Few neighbours: accumulate community weights in a tiny cache-resident list.
        let nt = 0;
        let own = 0;
        for (let e = a; e < b; e++) {
          const c = nc[e - a]!;
          const w = weights[e]!;
          if (c === ci) {
            own += w;
            continue;
          }
          let t = 0;
          while (t < nt && localC[t] !== c) t++;
          if (t === nt) {
            localC[nt] = c;
            localW[nt++] = w;
          } else localW[t] += w;
        }
        bestGain = own - f64[2 * ci]! * scale;
        for (let t = 0; t < nt; t++) {
          const gc = localW[t]! - f64[2 * localC[t]!]! * scale;
          if (gc > bestGain + 1e-12) {
            bestGain = gc;
            best = localC[t]!;
          }
        }
      } else {
        let nt = 0;
        for (let e = a; e < b; e++) {
          const c = nc[e - a]!;
          if (neighW[c] === -1) {
            neighW[c] = 0;
            touched[nt++] = c;
          }
          neighW[c] += weights[e]!;
        }
        bestGain = Math.max(neighW[ci]!, 0) - f64[2 * ci]! * scale;
        for (let t = 0; t < nt; t++) {
          const c = touched[t]!;
          const gc = neighW[c]! - f64[2 * c]! * scale;
          if (gc > bestGain + 1e-12) {
            bestGain = gc;
            best = c;
          }
          neighW[c] = -1;
        }
      }
      f64[2 * best] += ki;
      if (best === ci) continue;
      i32[4 * i + 2] = best;
      moved = true;
      for (let e = a; e < b; e++) {
        const j = targets[e]!;
        if (nc[e - a] !== best && i32[4 * j + 3] === 0) {
          i32[4 * j + 3] = 1;
          pending++;
        }
      }
    }
  }
  return { comm: communities(records), moved };
}

/** Renumbers community ids to 0..count-1 in order of first appearance; returns count. */
function renumber(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let count = 0;
  for (let i = 0; i < comm.length; i++) {
    const c = comm[i]!;
    if (map[c] === -1) map[c] = count++;
    comm[i] = map[c]!;
  }
  return count;
}

/**
 * Collapses each community into one node. Reads the level in node order (sequential memory: the
 * first level is millions of entries, and a walk community by community jumps around it), keeps
 * only entries that cross communities (few once local moving has converged), buckets them by
 * source community with a counting sort, then merges repeated neighbours in place. Members of a
 * community are met in increasing id, so neighbour lists come out in first-appearance order as a
 * member-by-member walk would give.
 */
function aggregate(g: LevelGraph, comm: Int32Array, count: number): LevelGraph {
  const { offsets: off, weights: wt } = g;
  const dc = targetCommunities(g, comm);
  const { self, start } = countCrossing(g, comm, dc, count);
  const targets = new Int32Array(start[count]!);
  const weights = new Float64Array(start[count]!);
  const cursor = start.slice(0, count);
  for (let i = 0; i < g.n; i++) {
    const c = comm[i]!;
    for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
      const d = dc[e]!;
      if (d === c) continue;
      const p = cursor[c]!++;
      targets[p] = d;
      weights[p] = wt[e]!;
    }
  }
  const m = mergeBuckets(count, start, targets, weights);
  // Views, not copies: the level lives until the next aggregation, and copying its entries took
  // 75 ms after the first level at 1 M nodes / 7.4 M pairs (7.5 M crossing → 4.8 M merged).
  return { n: count, offsets: start, targets: targets.subarray(0, m), weights: weights.subarray(0, m), self };
}

/**
 * The community of every entry's target, gathered once in a tight loop: read inside the branchy
 * loops of {@link aggregate}, each of those random reads stalled them (measured at 1 M nodes /
 * 14 M entries: first aggregation 0.8–1.1 s → 0.5–0.7 s).
 */
function targetCommunities(g: LevelGraph, comm: Int32Array): Int32Array {
  const dc = new Int32Array(g.offsets[g.n]!);
  for (let e = 0; e < dc.length; e++) dc[e] = comm[g.targets[e]!]!;
  return dc;
}

/**
 * Per community: its internal weight (self weights and entries inside it) and, as bucket offsets
 * (prefix sums), its number of crossing entries.
 */
function countCrossing(
  g: LevelGraph,
  comm: Int32Array,
  dc: Int32Array,
  count: number,
): { self: Float64Array; start: Int32Array } {
  const { offsets: off, weights: wt } = g;
  const self = new Float64Array(count);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) {
    const c = comm[i]!;
    let inside = g.self[i]!;
    let crossing = 0;
    for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
      if (dc[e] === c) inside += wt[e]!;
      else crossing++;
    }
    self[c] += inside;
    start[c + 1] += crossing;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c]!;
  return { self, start };
}

/**
 * Merges repeated targets within each bucket [offsets[c], offsets[c+1]) in place (weights summed,
 * first appearance kept), rewriting offsets to the compacted layout; returns the entry count.
 */
function mergeBuckets(
  count: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
): number {
  const seen = new Int32Array(count).fill(-1);
  const at = new Int32Array(count);
  let m = 0;
  let p = 0;
  for (let c = 0; c < count; c++) {
    const end = offsets[c + 1]!;
    offsets[c] = m;
    for (; p < end; p++) {
      const d = targets[p]!;
      if (seen[d] === c) weights[at[d]!] += weights[p]!;
      else {
        seen[d] = c;
        at[d] = m;
        targets[m] = d;
        weights[m++] = weights[p]!;
      }
    }
  }
  offsets[count] = m;
  return m;
}
