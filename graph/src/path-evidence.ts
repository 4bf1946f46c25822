import { type EdgeFilter, edgePasses } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import type { EdgeEvidence } from './types.js';

/** One hop of a path with the stored pairs between its ends that pass the scope (1 or 2). */
export interface PathHop {
  from: number;
  to: number;
  pairs: EdgeEvidence[];
}

/** Stored pairs u → v (if following out) and v → u (if following in) that pass the filter. */
export function pairsBetween(view: GraphView, u: number, v: number, f: EdgeFilter): EdgeEvidence[] {
  const out: EdgeEvidence[] = [];
  const check = (e: EdgeEvidence | null) => {
    if (e && edgePasses(f, e.weight, e.first, e.last, e.typeMask)) out.push(e);
  };
  if (f.out) check(view.findEdge(u, v));
  if (f.in) check(view.findEdge(v, u));
  return out;
}

/** Evidence for each hop of an internal-id path. */
export function pathHops(view: GraphView, path: readonly number[], f: EdgeFilter): PathHop[] {
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const u = path[i]!;
    const v = path[i + 1]!;
    hops.push({ from: view.externalOf(u), to: view.externalOf(v), pairs: pairsBetween(view, u, v, f) });
  }
  return hops;
}
