import { compileScope, edgePasses } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { resolveSeeds } from './seeds.js';
import type { EdgeEvidence, Scope } from './types.js';

/** A drawable subgraph: nodes with their whole-graph degree and flag, and the pairs among them. */
export interface SubgraphResult {
  nodes: { id: number; degree: number; highDegree: boolean }[];
  unknown: number[];
  edges: EdgeEvidence[];
}

/**
 * The subgraph induced by a set of store ids: every stored pair with both ends in the set that
 * passes the scope's time/weight/type filters (direction is not applied: drawings show both).
 */
export function extractSubgraph(
  view: GraphView,
  nodeIds: readonly number[],
  scope: Scope = {},
): SubgraphResult {
  const f = { ...compileScope(scope), out: true, in: false, excludeHighDegree: false };
  const { internal, unknown } = resolveSeeds(view, nodeIds);
  const inSet = new Set(internal);
  const edges: EdgeEvidence[] = [];
  for (const u of internal) {
    const source = view.externalOf(u);
    view.forEachNeighbor(u, f, (v, weight, first, last, typeMask) => {
      if (inSet.has(v) && edgePasses(f, weight, first, last, typeMask)) {
        edges.push({ source, target: view.externalOf(v), weight, first, last, typeMask });
      }
    });
  }
  return {
    nodes: internal.map((u) => ({
      id: view.externalOf(u),
      degree: view.degree(u),
      highDegree: view.isHighDegree(u),
    })),
    unknown,
    edges,
  };
}
