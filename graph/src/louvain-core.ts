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
 * node of the first level (dense ids) and the number of levels run.
 */
export function louvainPartition(
  g0: LevelGraph,
  options: LouvainCoreOptions = {},
): { community: Int32Array; levels: number } {
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
    if (!moved || count === g.n) break;
    g = aggregate(g, comm, count);
  }
  return { community: assign, levels };
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

function aggregate(g: LevelGraph, comm: Int32Array, count: number): LevelGraph {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const members = new Int32Array(g.n);
  const cur = start.slice(0, count);
  for (let i = 0; i < g.n; i++) members[cur[comm[i]!]!++] = i;
  const offsets = new Int32Array(count + 1);
  const targets = new Int32Array(g.targets.length);
  const weights = new Float64Array(g.targets.length);
  const self = new Float64Array(count);
  const acc = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const list = new Int32Array(count);
  let m = 0;
  for (let c = 0; c < count; c++) {
    let nl = 0;
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const i = members[p]!;
      self[c] += g.self[i]!;
      for (let e = g.offsets[i]!, end = g.offsets[i + 1]!; e < end; e++) {
        const d = comm[g.targets[e]!]!;
        if (d === c) self[c] += g.weights[e]!;
        else {
          if (seen[d] !== c) {
            seen[d] = c;
            acc[d] = 0;
            list[nl++] = d;
          }
          acc[d] += g.weights[e]!;
        }
      }
    }
    for (let t = 0; t < nl; t++) {
      targets[m] = list[t]!;
      weights[m++] = acc[list[t]!]!;
    }
    offsets[c + 1] = m;
  }
  return { n: count, offsets, targets: targets.slice(0, m), weights: weights.slice(0, m), self };
}
