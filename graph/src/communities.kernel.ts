import { int32ByStoreId } from './by-store-id.js';
import type { GraphView } from './graph-view.js';
import { labelPropagationCore } from './label-propagation-core.js';
import { type LouvainCoreOptions, louvainPartition } from './louvain-core.js';
import { modularityOf } from './modularity.js';
import { type ProjectOptions, projectCompact, projectGraph, type SimpleGraph } from './simple-graph.js';
import type { Scope } from './types.js';

/** A partition of the graph's nodes. */
export interface CommunitiesResult {
  /** Community per store id (-1 for ids the view does not know); dense ids 0..count-1. */
  communities: Int32Array;
  count: number;
  /** Modularity of the partition on the (weighted) undirected projection. */
  modularity: number;
  /** Louvain levels or label-propagation iterations run. */
  rounds: number;
}

/** Options shared by {@link louvain} and {@link labelPropagation}. */
export interface CommunityOptions extends LouvainCoreOptions {
  /** Direction is ignored: communities live on the undirected projection. */
  scope?: Scope;
  /** Edge weight = number of events (default) or 1. */
  weighted?: boolean;
  /** Label propagation only: cap on node visits, in multiples of n (default 20). */
  maxIterations?: number;
}

/** The undirected projection communities live on, by `projector` (plain or compact weights). */
function project<G>(
  view: GraphView,
  options: CommunityOptions,
  projector: (view: GraphView, scope: Scope, options: ProjectOptions) => G,
): G {
  return projector(view, { ...options.scope, direction: 'both' }, { weighted: options.weighted ?? true });
}

function result(
  view: GraphView,
  g: Pick<SimpleGraph, 'n' | 'toView'>,
  community: Int32Array,
  rounds: number,
  modularity: number,
): CommunitiesResult {
  let count = 0;
  for (let i = 0; i < community.length; i++) count = Math.max(count, community[i]! + 1);
  const byInternal = new Int32Array(view.nodeCount).fill(-1);
  for (let i = 0; i < g.n; i++) byInternal[g.toView[i]!] = community[i]!;
  return {
    communities: int32ByStoreId(view, byInternal),
    count,
    modularity,
    rounds,
  };
}

/**
 * Louvain communities (multi-level modularity optimisation), deterministic for a given `seed`.
 * Isolated and excluded high-degree nodes end up in communities of their own.
 */
export function louvain(view: GraphView, options: CommunityOptions = {}): CommunitiesResult {
  const g = project(view, options, projectCompact);
  const { community, levels, modularity } = louvainPartition({ ...g, self: new Float64Array(g.n) }, options);
  return result(view, g, community, levels, modularity);
}

/**
 * Label propagation communities (asynchronous, seeded order and tie-breaks). Unlike Louvain its
 * default first-sweep order is `shuffle`: in id order labels flood across groups (measured on a
 * planted partition: modularity 0.58 vs 0.6+ shuffled).
 */
export function labelPropagation(view: GraphView, options: CommunityOptions = {}): CommunitiesResult {
  const g = project(view, options, projectGraph);
  const { community, iterations } = labelPropagationCore(
    g,
    options.seed ?? 1,
    options.maxIterations ?? 20,
    options.order !== 'sequential',
  );
  return result(view, g, community, iterations, modularityOf(g, community));
}
