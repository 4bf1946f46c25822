import type { SimpleGraph } from './simple-graph.js';

/**
 * Brandes' dependency accumulation from the given sources (unweighted BFS). Returns, per local
 * node v, Σ_s δ_s(v) and Σ_s δ_s(v)² where δ_s(v) = Σ_t σ_st(v)/σ_st (ordered pairs, t ≠ s, v).
 * Uses out-neighbours only, so it is correct for directed graphs as well.
 *
 * Level-synchronous with bit sets instead of a distance array: `visited` (every node reached) and
 * `level` (the nodes of one depth), both n/8 bytes and cache-resident, so the per-edge checks
 * ("new?", "on the next level?") never touch a 4n-byte distance array. `order` holds the nodes
 * grouped by depth, `levelStart[d]` the first index of depth d.
 */
export function brandesAccumulate(
  g: SimpleGraph,
  sources: ArrayLike<number>,
): { sum: Float64Array; sumSq: Float64Array } {
  const n = g.n;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const visited = new Uint32Array((n + 31) >>> 5);
  const level = new Uint32Array((n + 31) >>> 5);
  const levelStart = new Int32Array(n + 2);
  const { offsets, targets } = g;
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    visited[s >>> 5]! |= 1 << (s & 31);
    sigma[s] = 1;
    order[0] = s;
    let tail = 1;
    let depth = 0;
    levelStart[0] = 0;
    // Forward: expand level `depth` = order[head..end); `level` marks the nodes found for depth+1.
    for (let head = 0; head < tail; ) {
      const end = tail;
      for (; head < end; head++) {
        const v = order[head]!;
        const sv = sigma[v]!;
        for (let e = offsets[v]!, stop = offsets[v + 1]!; e < stop; e++) {
          const w = targets[e]!;
          const word = w >>> 5;
          const bit = 1 << (w & 31);
          if ((visited[word]! & bit) === 0) {
            visited[word]! |= bit;
            level[word]! |= bit;
            order[tail++] = w;
            sigma[w] = sv;
          } else if ((level[word]! & bit) !== 0) sigma[w] += sv;
        }
      }
      for (let p = end; p < tail; p++) level[order[p]! >>> 5] = 0;
      levelStart[++depth] = end;
    }
    levelStart[depth + 1] = tail;
    // Backward, level by level: `level` marks depth d+1 while the nodes of depth d accumulate.
    for (let d = depth - 1; d >= 0; d--) {
      const a = levelStart[d]!;
      const b = levelStart[d + 1]!;
      const c = levelStart[d + 2]!;
      for (let p = b; p < c; p++) level[order[p]! >>> 5]! |= 1 << (order[p]! & 31);
      for (let p = b - 1; p >= a; p--) {
        const v = order[p]!;
        let acc = 0;
        for (let e = offsets[v]!, stop = offsets[v + 1]!; e < stop; e++) {
          const w = targets[e]!;
          if (((level[w >>> 5]! >>> (w & 31)) & 1) !== 0) acc += (1 + delta[w]!) / sigma[w]!;
        }
        const dv = acc * sigma[v]!;
        delta[v] = dv;
        if (v !== s) {
          sum[v] += dv;
          sumSq[v] += dv * dv;
        }
      }
      for (let p = b; p < c; p++) level[order[p]! >>> 5] = 0;
    }
    for (let p = 0; p < tail; p++) {
      const v = order[p]!;
      visited[v >>> 5] = 0;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { sum, sumSq };
}
