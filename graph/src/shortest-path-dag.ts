import { bidirectionalSearch, resetSearch } from './bidirectional-search.js';
import { type EdgeFilter, reverseFilter } from './edge-filter.js';
import type { GraphView } from './graph-view.js';

/**
 * Every shortest s→t path as a layered DAG (internal ids): layers[k] holds the nodes at
 * distance k from s that lie on some shortest path; preds.get(v) are v's predecessors in
 * layers[k-1]. layers[0] = [s], layers[length] = [t].
 */
export interface ShortestPathDag {
  length: number;
  layers: number[][];
  preds: Map<number, number[]>;
}

/**
 * Builds the shortest-path DAG from one bidirectional search: the middle layer is the set of
 * nodes with forward + backward distance = length at the meeting depth; layers before it are
 * grown backwards through forward labels, layers after it forwards through backward labels.
 * Returns null when t is not reachable within `maxHops`.
 */
export function shortestPathDag(
  view: GraphView,
  s: number,
  t: number,
  filter: EdgeFilter,
  maxHops?: number,
): ShortestPathDag | null {
  const sc = view.scratch.acquire();
  const r = bidirectionalSearch(view, sc, s, t, filter, maxHops);
  if (r.length < 0) {
    resetSearch(sc, r);
    view.scratch.release(sc);
    return null;
  }
  const L = r.length;
  const h = r.midDepth;
  const { dist, distB, queue } = sc;
  const f = { ...filter, excludeHighDegree: false };
  const fb = reverseFilter(f);
  const layers: number[][] = Array.from({ length: L + 1 }, () => []);
  for (let i = 0; i < r.tailF; i++) {
    const v = queue[i]!;
    if (dist[v] === h && (L === 0 || distB[v] === L - h)) layers[h]!.push(v);
  }
  const preds = new Map<number, number[]>();
  for (let k = h - 1; k >= 0; k--) {
    const seen = new Set<number>();
    for (const v of layers[k + 1]!) {
      const p: number[] = [];
      view.forEachNeighbor(v, fb, (u) => {
        if (dist[u] === k && !p.includes(u)) {
          p.push(u);
          seen.add(u);
        }
      });
      preds.set(v, p);
    }
    layers[k] = [...seen];
  }
  for (let k = h + 1; k <= L; k++) {
    const next = new Map<number, number[]>();
    for (const v of layers[k - 1]!) {
      view.forEachNeighbor(v, f, (w) => {
        if (distB[w] !== L - k) return;
        const p = next.get(w) ?? [];
        if (!p.includes(v)) p.push(v);
        next.set(w, p);
      });
    }
    layers[k] = [...next.keys()];
    for (const [w, p] of next) preds.set(w, p);
  }
  resetSearch(sc, r);
  view.scratch.release(sc);
  for (const layer of layers) layer.sort((a, b) => a - b);
  return { length: L, layers, preds };
}
