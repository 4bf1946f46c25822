import { bidirectionalSearch, resetSearch } from './bidirectional-search.js';
import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { type PathHop, pathHops } from './path-evidence.js';
import type { Scope } from './types.js';

/** Options of {@link shortestPath}. */
export interface ShortestPathOptions {
  scope?: Scope;
  /** Give up beyond this many hops (default unlimited). */
  maxHops?: number;
}

/** A path in store ids with the stored pairs behind each hop; length -1 and no nodes if none. */
export interface PathResult {
  source: number;
  target: number;
  found: boolean;
  length: number;
  nodes: number[];
  hops: PathHop[];
}

/**
 * One shortest path (fewest hops) from source to target under the scope, by bidirectional BFS.
 * Direction `out` follows calls source → … → target; `in` the reverse; `both` ignores direction.
 * Among several shortest paths the one returned is the first met (deterministic for a graph).
 */
export function shortestPath(
  view: GraphView,
  source: number,
  target: number,
  options: ShortestPathOptions = {},
): PathResult {
  const none: PathResult = { source, target, found: false, length: -1, nodes: [], hops: [] };
  const s = view.internalOf(source);
  const t = view.internalOf(target);
  if (s < 0 || t < 0) return none;
  const f = compileScope(options.scope);
  const sc = view.scratch.acquire();
  const r = bidirectionalSearch(view, sc, s, t, f, options.maxHops);
  let path: number[] = [];
  if (r.length >= 0) {
    for (let v = r.meet; v !== -1; v = sc.parent[v]!) path.push(v);
    path = path.reverse();
    for (let v = sc.parentB[r.meet]!; v !== -1; v = sc.parentB[v]!) path.push(v);
  }
  resetSearch(sc, r);
  view.scratch.release(sc);
  if (r.length < 0) return none;
  return {
    source,
    target,
    found: true,
    length: r.length,
    nodes: path.map((u) => view.externalOf(u)),
    hops: pathHops(view, path, f),
  };
}
