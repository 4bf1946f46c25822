import { int32ByStoreId } from './by-store-id.js';
import { ContactGraph } from './contact-graph.js';
import { bfsOnCsr } from './csr-traversal.js';
import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import type { Scope } from './types.js';

/** Hop distances from one node to every node. */
export interface BfsResult {
  source: number;
  reached: number;
  maxDepth: number;
  /** Distance per store id (-1 when unreachable or unknown). */
  dist: Int32Array;
}

/** Full breadth-first search from a node under the scope (direction followed as given). */
export function bfsDistances(view: GraphView, source: number, scope: Scope = {}): BfsResult {
  const s = view.internalOf(source);
  if (s < 0) return { source, reached: 0, maxDepth: 0, dist: new Int32Array(view.externalSpan).fill(-1) };
  const f = compileScope(scope);
  const sc = view.scratch.acquire();
  if (view instanceof ContactGraph) {
    const byStore = new Int32Array(view.externalSpan).fill(-1);
    const { tail, maxDepth } = bfsOnCsr(view, f, sc, s, byStore);
    sc.visited.clearAll(sc.queue, tail);
    view.scratch.release(sc);
    return { source, reached: tail, maxDepth, dist: byStore };
  }
  const dist = new Int32Array(view.nodeCount).fill(-1);
  const q = sc.queue;
  let tail = 0;
  dist[s] = 0;
  q[tail++] = s;
  const nb = sc.nb;
  // Visited checks hit a bit set (n/8 bytes, cache-resident) rather than the distance array.
  const seen = sc.visited;
  seen.add(s);
  for (let head = 0; head < tail; head++) {
    const u = q[head]!;
    const d = dist[u]! + 1;
    const k = view.neighbors(u, f, nb);
    for (let i = 0; i < k; i++) {
      const v = nb.node[i]!;
      if (seen.testAndAdd(v)) {
        dist[v] = d;
        q[tail++] = v;
      }
    }
  }
  seen.clearAll(q, tail);
  view.scratch.release(sc);
  return { source, reached: tail, maxDepth: dist[q[tail - 1]!]!, dist: int32ByStoreId(view, dist) };
}
