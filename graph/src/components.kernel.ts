import { int32ByStoreId } from './by-store-id.js';
import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { NeighborBuffer } from './neighbor-buffer.js';
import type { Scope } from './types.js';

/** Weakly connected components; ids are numbered by decreasing size (ties: lower store id first). */
export interface ComponentsResult {
  count: number;
  /** Component id per store id (-1 for ids the view does not know). */
  component: Int32Array;
  /** sizes[c] = number of nodes in component c. */
  sizes: number[];
}

/**
 * Weakly connected components under the scope (direction ignored), by union–find with path
 * halving over each stored pair once. With `excludeHighDegree`, flagged nodes are singletons.
 */
export function connectedComponents(view: GraphView, scope: Scope = {}): ComponentsResult {
  const f = { ...compileScope(scope), out: true, in: false };
  const n = view.nodeCount;
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const nb = new NeighborBuffer(false);
  for (let u = 0; u < n; u++) {
    if (f.excludeHighDegree && view.isHighDegree(u)) continue;
    const k = view.neighbors(u, f, nb);
    for (let i = 0; i < k; i++) {
      const a = find(u);
      const b = find(nb.node[i]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const size = new Int32Array(n);
  const minExt = new Int32Array(n).fill(2147483647);
  for (let x = 0; x < n; x++) {
    const r = find(x);
    size[r]!++;
    minExt[r] = Math.min(minExt[r]!, view.externalOf(x));
  }
  const roots: number[] = [];
  for (let x = 0; x < n; x++) if (parent[x] === x) roots.push(x);
  roots.sort((a, b) => size[b]! - size[a]! || minExt[a]! - minExt[b]!);
  const idOf = new Int32Array(n);
  roots.forEach((r, c) => {
    idOf[r] = c;
  });
  const comp = new Int32Array(n);
  for (let x = 0; x < n; x++) comp[x] = idOf[find(x)]!;
  return { count: roots.length, component: int32ByStoreId(view, comp), sizes: roots.map((r) => size[r]!) };
}
