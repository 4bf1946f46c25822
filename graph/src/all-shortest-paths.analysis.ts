import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { pairsBetween } from './path-evidence.js';
import { shortestPathDag } from './shortest-path-dag.js';
import type { EdgeEvidence, Scope } from './types.js';

/** Options of {@link allShortestPaths}. */
export interface AllPathsOptions {
  scope?: Scope;
  maxHops?: number;
  /** Maximum number of paths listed (default 100); `count` is still the exact total. */
  maxPaths?: number;
}

/** Every shortest path (up to maxPaths) in store ids, with the stored pairs they use. */
export interface AllPathsResult {
  source: number;
  target: number;
  found: boolean;
  length: number;
  /** Total number of shortest paths (exact below 2^53). */
  count: number;
  paths: number[][];
  truncated: boolean;
  /** Distinct stored pairs on the listed paths that pass the scope. */
  edges: EdgeEvidence[];
}

/** All shortest paths from source to target under the scope (counted exactly, listed up to a bound). */
export function allShortestPaths(
  view: GraphView,
  source: number,
  target: number,
  options: AllPathsOptions = {},
): AllPathsResult {
  const maxPaths = options.maxPaths ?? 100;
  const none = { source, target, found: false, length: -1, count: 0, paths: [], truncated: false, edges: [] };
  const s = view.internalOf(source);
  const t = view.internalOf(target);
  if (s < 0 || t < 0) return none;
  const f = compileScope(options.scope);
  const dag = shortestPathDag(view, s, t, f, options.maxHops);
  if (!dag) return none;
  const sigma = new Map<number, number>([[s, 1]]);
  for (let k = 1; k <= dag.length; k++) {
    for (const v of dag.layers[k]!)
      sigma.set(
        v,
        (dag.preds.get(v) ?? []).reduce((a, u) => a + sigma.get(u)!, 0),
      );
  }
  const paths: number[][] = [];
  const stack: number[] = [];
  let truncated = false;
  const walk = (v: number) => {
    if (paths.length >= maxPaths) {
      truncated = true;
      return;
    }
    stack.push(v);
    if (v === s) paths.push([...stack].reverse());
    else for (const u of dag.preds.get(v) ?? []) walk(u);
    stack.pop();
  };
  walk(t);
  const edges = new Map<string, EdgeEvidence>();
  for (const p of paths) {
    for (let i = 0; i + 1 < p.length; i++) {
      for (const e of pairsBetween(view, p[i]!, p[i + 1]!, f)) edges.set(`${e.source}>${e.target}`, e);
    }
  }
  const count = sigma.get(t)!;
  return {
    source,
    target,
    found: true,
    length: dag.length,
    count,
    paths: paths.map((p) => p.map((u) => view.externalOf(u))),
    truncated: truncated || count > paths.length,
    edges: [...edges.values()],
  };
}
