import { modularityOf } from './modularity.js';
import { createRng, shuffleInPlace } from './prng.js';

/** One level of the Louvain hierarchy: symmetric adjacency (no self entries) plus self weights. */
export interface LevelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Float32 only when every weight is an integer below 2^24 (exact); see {@link compactWeights}. */
  weights: Float64Array | Float32Array;
  self: Float64Array;
}

/**
 * The first level's weights as Float32 when that is exact (integers below 2^24, e.g. event counts):
 * half the bytes streamed on every visit of the memory-bound local moving, same arithmetic
 * (sums are still accumulated in Float64).
 */
export function compactWeights(weights: Float64Array): Float64Array | Float32Array {
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && w < 16_777_216 && Math.floor(w) === w)) return weights;
  }
  return new Float32Array(weights);
}

/** Options of {@link louvainPartition}. */
export interface LouvainCoreOptions {
  seed?: number;
  resolution?: number;
  /**
   * Visiting order of the first sweep: `sequential` (default: node id order, which after BFS
   * relabelling gives locality — measured 1.4× faster and slightly higher modularity at 1 M nodes)
   * or `shuffle` (seeded random order, the classic choice).
   */
  order?: 'shuffle' | 'sequential';
  /**
   * Cap on node visits per level, in multiples of the node count (default 3). The queue's tail is
   * long and nearly gainless: measured at 1 M nodes / 5 M pairs, 3 instead of 100 cut the
   * partition time by ~15 % for a modularity 0.0003 lower.
   */
  maxPassesPerLevel?: number;
  maxLevels?: number;
}

/**
 * Louvain (Blondel et al. 2008): local moving of nodes to the neighbouring community with the best
 * modularity gain, in a seeded random order (fast local moves), until no node can improve; then aggregation of
 * communities into nodes; repeated while a level moves anything. Returns the community of every
 * node of the first level (dense ids), the number of levels run and the partition's modularity.
 */
export function louvainPartition(
  g0: LevelGraph,
  options: LouvainCoreOptions = {},
): { community: Int32Array; levels: number; modularity: number } {
  const rng = createRng(options.seed ?? 1);
  const resolution = options.resolution ?? 1;
  const assign = new Int32Array(g0.n);
  for (let i = 0; i < g0.n; i++) assign[i] = i;
  let g = g0;
  let levels = 0;
  while (levels < (options.maxLevels ?? 100)) {
    const { comm, moved } = localMoving(
      g,
      options.order === 'shuffle' ? rng : null,
      resolution,
      options.maxPassesPerLevel ?? 3,
    );
    levels++;
    const count = renumber(comm);
    for (let i = 0; i < assign.length; i++) assign[i] = comm[assign[i]!]!;
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

function identity(n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

function strength(g: LevelGraph): Float64Array {
  const k = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let s = g.self[i]!;
    for (let e = g.offsets[i]!, end = g.offsets[i + 1]!; e < end; e++) s += g.weights[e]!;
    k[i] = s;
  }
  return k;
}

/** Nodes with at most this many neighbours use the small-list path. */
const SMALL = 32;

/**
 * Fast local moving (Traag 2015, as in Leiden and graphology's fastLocalMoves): all nodes start
 * in a queue in seeded random order; a node that moves re-queues its neighbours outside its new
 * community. Ends when the queue is empty (no node can improve) or after maxPasses × n visits.
 */
function localMoving(g: LevelGraph, rng: (() => number) | null, res: number, maxPasses: number) {
  const n = g.n;
  const k = strength(g);
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += k[i]!;
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    comm[i] = i;
    tot[i] = k[i]!;
  }
  if (m2 === 0) return { comm, moved: false };
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  if (rng) shuffleInPlace(queue, rng);
  const inQueue = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const neighW = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const { offsets, targets, weights } = g;
  let moved = false;
  const localC = new Int32Array(SMALL);
  const localW = new Float64Array(SMALL);
  for (let visits = 0; size > 0 && visits < maxPasses * n; visits++) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[i] = 0;
    const ci = comm[i]!;
    const ki = k[i]!;
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    tot[ci] -= ki;
    const scale = (res * ki) / m2;
    let best = ci;
    let bestGain = 0;
    if (b - a <= SMALL) {
      // Few neighbours: accumulate community weights in a tiny cache-resident list.
      let nt = 0;
      let own = 0;
      for (let e = a; e < b; e++) {
        const c = comm[targets[e]!]!;
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
      bestGain = own - tot[ci]! * scale;
      for (let t = 0; t < nt; t++) {
        const gc = localW[t]! - tot[localC[t]!]! * scale;
        if (gc > bestGain + 1e-12) {
          bestGain = gc;
          best = localC[t]!;
        }
      }
    } else {
      let nt = 0;
      for (let e = a; e < b; e++) {
        const c = comm[targets[e]!]!;
        if (neighW[c] === -1) {
          neighW[c] = 0;
          touched[nt++] = c;
        }
        neighW[c] += weights[e]!;
      }
      bestGain = Math.max(neighW[ci]!, 0) - tot[ci]! * scale;
      for (let t = 0; t < nt; t++) {
        const c = touched[t]!;
        const gc = neighW[c]! - tot[c]! * scale;
        if (gc > bestGain + 1e-12) {
          bestGain = gc;
          best = c;
        }
        neighW[c] = -1;
      }
    }
    tot[best] += ki;
    if (best === ci) continue;
    comm[i] = best;
    moved = true;
    for (let e = a; e < b; e++) {
      const j = targets[e]!;
      if (inQueue[j] === 0 && comm[j] !== best) {
        inQueue[j] = 1;
        queue[(head + size) % n] = j;
        size++;
      }
    }
  }
  return { comm, moved };
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
  const { offsets: off, targets: tg, weights: wt } = g;
  const self = new Float64Array(count);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) {
    const c = comm[i]!;
    let inside = g.self[i]!;
    let crossing = 0;
    for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
      if (comm[tg[e]!] === c) inside += wt[e]!;
      else crossing++;
    }
    self[c] += inside;
    start[c + 1] += crossing;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c]!;
  const targets = new Int32Array(start[count]!);
  const weights = new Float64Array(start[count]!);
  const cursor = start.slice(0, count);
  for (let i = 0; i < g.n; i++) {
    const c = comm[i]!;
    for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
      const d = comm[tg[e]!]!;
      if (d === c) continue;
      const p = cursor[c]!++;
      targets[p] = d;
      weights[p] = wt[e]!;
    }
  }
  const m = mergeBuckets(count, start, targets, weights);
  return { n: count, offsets: start, targets: targets.slice(0, m), weights: weights.slice(0, m), self };
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
