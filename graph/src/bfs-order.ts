import type { EdgeBatch } from './types.js';

/**
 * Orders nodes by breadth-first search over the undirected pairs so that neighbours get nearby
 * ids (better cache locality in every traversal). The first root is the highest-degree node
 * (so the giant component comes first), then unvisited nodes in id order.
 * Returns toExternal (new id → old id); `degree` is out + in degree per old id.
 */
export function bfsOrder(
  nodeCount: number,
  degree: Int32Array,
  chunks: readonly EdgeBatch[],
  toExternal: Int32Array,
): void {
  const offsets = new Int32Array(nodeCount + 1);
  let best = 0;
  for (let u = 0; u < nodeCount; u++) {
    offsets[u + 1] = offsets[u]! + degree[u]!;
    if (degree[u]! > degree[best]!) best = u;
  }
  const adj = new Int32Array(offsets[nodeCount]!);
  const cursor = offsets.slice(0, nodeCount);
  for (const b of chunks) {
    for (let i = 0; i < b.length; i++) {
      const s = b.src[i]!;
      const d = b.dst[i]!;
      if (s === d) continue;
      adj[cursor[s]!++] = d;
      adj[cursor[d]!++] = s;
    }
  }
  const seen = new Uint8Array(nodeCount);
  let head = 0;
  let tail = 0;
  const visitFrom = (root: number) => {
    seen[root] = 1;
    toExternal[tail++] = root;
    while (head < tail) {
      const u = toExternal[head++]!;
      for (let j = offsets[u]!, end = offsets[u + 1]!; j < end; j++) {
        const v = adj[j]!;
        if (seen[v] === 0) {
          seen[v] = 1;
          toExternal[tail++] = v;
        }
      }
    }
  };
  if (nodeCount > 0) visitFrom(best);
  for (let u = 0; u < nodeCount; u++) if (seen[u] === 0) visitFrom(u);
}
