import { sharedInt32 } from './shared-arrays.js';

/**
 * In-adjacency of an out-CSR: for each target, its sources (ascending) and the out-edge ids.
 * `inDegree(u)`, when the caller already knows the in-degrees, saves the counting pass.
 */
export function buildInAdjacency(
  n: number,
  outOffsets: Int32Array,
  targets: Int32Array,
  inDegree: ((u: number) => number) | null = null,
): { inOffsets: Int32Array; inSources: Int32Array; inEdges: Int32Array } {
  const m = outOffsets[n]!;
  const inOffsets = sharedInt32(n + 1);
  if (inDegree) for (let u = 0; u < n; u++) inOffsets[u + 1] = inDegree(u);
  else for (let e = 0; e < m; e++) inOffsets[targets[e]! + 1]!++;
  for (let u = 0; u < n; u++) inOffsets[u + 1] = inOffsets[u + 1]! + inOffsets[u]!;
  const cursor = inOffsets.slice(0, n);
  const inSources = sharedInt32(m);
  const inEdges = sharedInt32(m);
  for (let u = 0; u < n; u++) {
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      const q = cursor[targets[e]!]!++;
      inSources[q] = u;
      inEdges[q] = e;
    }
  }
  return { inOffsets, inSources, inEdges };
}
