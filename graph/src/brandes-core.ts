import type { SimpleGraph } from './simple-graph.js';

/**
 * Brandes' dependency accumulation from the given sources (unweighted BFS). Returns, per local
 * node v, Σ_s δ_s(v) and Σ_s δ_s(v)² where δ_s(v) = Σ_t σ_st(v)/σ_st (ordered pairs, t ≠ s, v).
 * Uses out-neighbours only, so it is correct for directed graphs as well.
 */
export function brandesAccumulate(
  g: SimpleGraph,
  sources: ArrayLike<number>,
): { sum: Float64Array; sumSq: Float64Array } {
  const n = g.n;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const { offsets, targets } = g;
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    let tail = 0;
    dist[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const v = order[head]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        if (dist[w] === -1) {
          dist[w] = dv;
          order[tail++] = w;
        }
        if (dist[w] === dv) sigma[w] += sv;
      }
    }
    for (let p = tail - 1; p >= 0; p--) {
      const v = order[p]!;
      const dv = dist[v]! + 1;
      let d = 0;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        if (dist[w] === dv) d += (1 + delta[w]!) / sigma[w]!;
      }
      d *= sigma[v]!;
      delta[v] = d;
      if (v !== s) {
        sum[v] += d;
        sumSq[v] += d * d;
      }
    }
    for (let p = 0; p < tail; p++) {
      const v = order[p]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { sum, sumSq };
}
