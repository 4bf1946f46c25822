import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { pairsBetween } from './path-evidence.js';
import { resolveSeeds } from './seeds.js';
import { type ShortestPathDag, shortestPathDag } from './shortest-path-dag.js';
import type { EdgeEvidence, Scope } from './types.js';

/** Options of {@link connectingNetwork}. */
export interface ConnectingNetworkOptions {
  scope?: Scope;
  /** Pairs further apart than this are reported unconnected (default 6). */
  maxHops?: number;
}

/** The network joining a set of nodes, in store ids. */
export interface ConnectingNetworkResult {
  /** The input nodes found in the graph. */
  members: number[];
  unknown: number[];
  /** Every node of the network (members and intermediaries), ascending. */
  nodes: number[];
  /** Intermediaries with the number of member pairs whose shortest paths can pass through them. */
  intermediaries: { node: number; pairs: number }[];
  /** The chosen path of each connected pair. */
  paths: { source: number; target: number; length: number; nodes: number[] }[];
  unconnected: [number, number][];
  /** Distinct stored pairs on the chosen paths that pass the scope. */
  edges: EdgeEvidence[];
}

/**
 * Connecting network (after i2's "Find Connecting Network"): the union of one shortest path per
 * pair of members. Pairs are unordered for direction `both` and ordered (a→b and b→a) otherwise.
 * Rule for choosing among a pair's equal-length shortest paths:
 *  1. score(v) = number of member pairs whose set of shortest paths contains v as an
 *     intermediary (v ≠ either end of that pair); a member scores an extra (number of pairs),
 *     so a path through another member (adding no new node) beats any other;
 *  2. the chosen path maximises the sum of its intermediaries' scores (dynamic programming over
 *     the pair's shortest-path DAG);
 *  3. ties go to the predecessor with the smaller store id, walking back from the target.
 */
export function connectingNetwork(
  view: GraphView,
  memberIds: readonly number[],
  options: ConnectingNetworkOptions = {},
): ConnectingNetworkResult {
  const f = compileScope(options.scope);
  const maxHops = options.maxHops ?? 6;
  const { internal, unknown } = resolveSeeds(view, memberIds);
  const members = new Set(internal);
  const dags: { s: number; t: number; dag: ShortestPathDag | null }[] = [];
  for (let i = 0; i < internal.length; i++) {
    for (let j = 0; j < internal.length; j++) {
      if (i === j || (j < i && f.out && f.in)) continue;
      const s = internal[i]!;
      const t = internal[j]!;
      dags.push({ s, t, dag: shortestPathDag(view, s, t, f, maxHops) });
    }
  }
  const score = new Map<number, number>();
  for (const { dag } of dags) {
    if (!dag) continue;
    for (let k = 1; k < dag.length; k++)
      for (const v of dag.layers[k]!) score.set(v, (score.get(v) ?? 0) + 1);
  }
  const bonus = dags.length;
  const weightOf = (v: number) => (score.get(v) ?? 0) + (members.has(v) ? bonus : 0);
  const result: ConnectingNetworkResult = {
    members: internal.map((u) => view.externalOf(u)),
    unknown,
    nodes: [],
    intermediaries: [],
    paths: [],
    unconnected: [],
    edges: [],
  };
  const inNetwork = new Set<number>(internal);
  const edges = new Map<string, EdgeEvidence>();
  for (const { s, t, dag } of dags) {
    if (!dag) {
      result.unconnected.push([view.externalOf(s), view.externalOf(t)]);
      continue;
    }
    const path = bestPath(view, dag, s, t, weightOf);
    for (const v of path) inNetwork.add(v);
    for (let i = 0; i + 1 < path.length; i++) {
      for (const e of pairsBetween(view, path[i]!, path[i + 1]!, f)) edges.set(`${e.source}>${e.target}`, e);
    }
    const nodes = path.map((u) => view.externalOf(u));
    result.paths.push({ source: nodes[0]!, target: nodes[nodes.length - 1]!, length: dag.length, nodes });
  }
  result.nodes = [...inNetwork].map((u) => view.externalOf(u)).sort((a, b) => a - b);
  result.intermediaries = [...inNetwork]
    .filter((u) => !members.has(u))
    .map((u) => ({ node: view.externalOf(u), pairs: score.get(u) ?? 0 }))
    .sort((a, b) => b.pairs - a.pairs || a.node - b.node);
  result.edges = [...edges.values()];
  return result;
}

function bestPath(
  view: GraphView,
  dag: ShortestPathDag,
  s: number,
  t: number,
  weightOf: (v: number) => number,
): number[] {
  const best = new Map<number, number>([[s, 0]]);
  const choice = new Map<number, number>();
  for (let k = 1; k <= dag.length; k++) {
    for (const v of dag.layers[k]!) {
      let bestU = -1;
      let bestVal = Number.NEGATIVE_INFINITY;
      for (const u of dag.preds.get(v) ?? []) {
        const val = best.get(u)!;
        if (val > bestVal || (val === bestVal && view.externalOf(u) < view.externalOf(bestU))) {
          bestVal = val;
          bestU = u;
        }
      }
      best.set(v, bestVal + (v === t ? 0 : weightOf(v)));
      choice.set(v, bestU);
    }
  }
  const path = [t];
  for (let v = t; v !== s; ) {
    v = choice.get(v)!;
    path.push(v);
  }
  return path.reverse();
}
