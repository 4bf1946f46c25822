import type { GraphView } from './graph-view.js';
import { projectGraph, type SimpleGraph } from './simple-graph.js';
import type { Scope } from './types.js';

/**
 * Modularity of a partition of an undirected weighted {@link SimpleGraph} (local ids):
 * Q = Σ_c [ in_c / 2W − γ (tot_c / 2W)² ], where in_c sums w_ij over ordered pairs (i, j) inside c
 * (each undirected edge twice) plus self weights, tot_c sums node strengths k_i, 2W = Σ_i k_i and
 * γ is the resolution (1 = Newman–Girvan). `selfWeights` is used by aggregated Louvain levels.
 */
export function modularityOf(
  g: Pick<SimpleGraph, 'n' | 'offsets' | 'targets'> & { weights: ArrayLike<number> },
  community: ArrayLike<number>,
  resolution = 1,
  selfWeights?: Float64Array,
): number {
  // Dense community ids (as Louvain returns) use flat arrays; anything else a Map.
  let dense = true;
  for (let i = 0; i < g.n && dense; i++) {
    const c = community[i]!;
    dense = Number.isInteger(c) && c >= 0 && c < g.n;
  }
  const inD = dense ? new Float64Array(g.n) : null;
  const totD = dense ? new Float64Array(g.n) : null;
  const inC = new Map<number, number>();
  const totC = new Map<number, number>();
  let m2 = 0;
  for (let i = 0; i < g.n; i++) {
    const c = community[i]!;
    let k = selfWeights ? selfWeights[i]! : 0;
    let inside = k;
    for (let e = g.offsets[i]!, end = g.offsets[i + 1]!; e < end; e++) {
      const w = g.weights[e]!;
      k += w;
      if (community[g.targets[e]!] === c) inside += w;
    }
    m2 += k;
    if (inD && totD) {
      inD[c] += inside;
      totD[c] += k;
    } else {
      inC.set(c, (inC.get(c) ?? 0) + inside);
      totC.set(c, (totC.get(c) ?? 0) + k);
    }
  }
  if (m2 === 0) return 0;
  let q = 0;
  if (inD && totD) {
    for (let c = 0; c < g.n; c++)
      if (totD[c]! > 0 || inD[c]! > 0) q += inD[c]! / m2 - resolution * (totD[c]! / m2) ** 2;
  } else for (const [c, tot] of totC) q += (inC.get(c) ?? 0) / m2 - resolution * (tot / m2) ** 2;
  return q;
}

/** Options of {@link modularity}. */
export interface ModularityOptions {
  /** Direction is ignored: communities are found on the undirected projection. */
  scope?: Scope;
  /** Edge weight = number of events (default) or 1. */
  weighted?: boolean;
  resolution?: number;
}

/** Modularity of a partition given per store id (as returned by louvain / labelPropagation). */
export function modularity(
  view: GraphView,
  communities: ArrayLike<number>,
  options: ModularityOptions = {},
): number {
  const g = projectGraph(
    view,
    { ...options.scope, direction: 'both' },
    { weighted: options.weighted ?? true },
  );
  const local = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) local[i] = communities[view.externalOf(g.toView[i]!)]!;
  return modularityOf(g, local, options.resolution ?? 1);
}
