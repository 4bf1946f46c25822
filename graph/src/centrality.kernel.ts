import { float64ByStoreId, int32ByStoreId } from './by-store-id.js';
import type { GraphView } from './graph-view.js';
import { resolveSeeds } from './seeds.js';
import { projectGraph, type SimpleGraph } from './simple-graph.js';
import type { Scope } from './types.js';

/** Options of the centrality functions. */
export interface CentralityOptions {
  scope?: Scope;
  /** Restrict to the subgraph induced by these store ids. */
  nodes?: readonly number[];
}

/** Projection for centrality: whole view, or the subgraph induced by `nodes`. */
export function centralityProjection(
  view: GraphView,
  options: CentralityOptions,
  weighted: boolean,
): SimpleGraph {
  const nodes = options.nodes ? resolveSeeds(view, options.nodes).internal : undefined;
  return projectGraph(view, options.scope, nodes ? { weighted, nodes } : { weighted });
}

/**
 * Degree and weighted degree per store id under the scope: degree = number of distinct
 * neighbours along the scope's direction, weighted degree = sum of the events on those pairs.
 */
export function degreeCentrality(
  view: GraphView,
  options: CentralityOptions = {},
): { degree: Int32Array; weightedDegree: Float64Array } {
  const g = centralityProjection(view, options, true);
  const degree = new Int32Array(view.nodeCount);
  const weighted = new Float64Array(view.nodeCount);
  for (let i = 0; i < g.n; i++) {
    const u = g.toView[i]!;
    degree[u] = g.offsets[i + 1]! - g.offsets[i]!;
    let s = 0;
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) s += g.weights[e]!;
    weighted[u] = s;
  }
  return { degree: int32ByStoreId(view, degree, 0), weightedDegree: float64ByStoreId(view, weighted) };
}
