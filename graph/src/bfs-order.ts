import { buildCallers } from './in-adjacency.js';

/**
 * Orders nodes by breadth-first search over the undirected pairs so that neighbours get nearby
 * ids (better cache locality in every traversal). The first root is the highest-degree node
 * (so the giant component comes first), then unvisited nodes in id order. Nodes are numbered as
 * they are discovered, so a node's undiscovered neighbours get consecutive ids.
 *
 * Each BFS level is expanded in increasing old id rather than in discovery order: the rows are
 * then read in address order instead of at random (random reads over hundreds of MiB cost
 * ~250 ns each on this machine, TLB misses included — measured at 1 M numbers / 7.4 M pairs:
 * 0.85–1.0 s for the expansion in discovery order, ~0.25 s by sorted levels; ADR 0005).
 *
 * Input is a CSR sorted by (source, target), with each node's in-degree when the caller knows
 * it. Writes toExternal (new id → old id).
 */
export function bfsOrder(
  nodeCount: number,
  outOffsets: Int32Array,
  outTargets: Int32Array,
  inDegree: Int32Array | null,
  toExternal: Int32Array,
): void {
  const { inOffsets, inSources } = buildCallers(nodeCount, outOffsets, outTargets, inDegree);
  let best = 0;
  let bestDegree = -1;
  for (let u = 0; u < nodeCount; u++) {
    const d = outOffsets[u + 1]! - outOffsets[u]! + inOffsets[u + 1]! - inOffsets[u]!;
    if (d > bestDegree) {
      bestDegree = d;
      best = u;
    }
  }
  const seen = new Uint8Array(nodeCount);
  const level = new Int32Array(nodeCount);
  let tail = 0;
  const visitFrom = (root: number) => {
    seen[root] = 1;
    let levelStart = tail;
    toExternal[tail++] = root;
    while (levelStart < tail) {
      const levelEnd = tail;
      const frontier = level.subarray(0, levelEnd - levelStart);
      frontier.set(toExternal.subarray(levelStart, levelEnd));
      frontier.sort();
      for (let i = 0; i < frontier.length; i++) {
        const u = frontier[i]!;
        // Pairs (s, u) with s < u, then (u, t), then (s, u) with s > u.
        let j = inOffsets[u]!;
        const inEnd = inOffsets[u + 1]!;
        for (; j < inEnd && inSources[j]! < u; j++) {
          const v = inSources[j]!;
          if (seen[v] === 0) {
            seen[v] = 1;
            toExternal[tail++] = v;
          }
        }
        for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
          const v = outTargets[e]!;
          if (seen[v] === 0) {
            seen[v] = 1;
            toExternal[tail++] = v;
          }
        }
        for (; j < inEnd; j++) {
          const v = inSources[j]!;
          if (seen[v] === 0) {
            seen[v] = 1;
            toExternal[tail++] = v;
          }
        }
      }
      levelStart = levelEnd;
    }
  };
  if (nodeCount > 0) visitFrom(best);
  for (let u = 0; u < nodeCount; u++) if (seen[u] === 0) visitFrom(u);
}
