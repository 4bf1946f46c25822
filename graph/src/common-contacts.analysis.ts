import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { resolveSeeds } from './seeds.js';
import type { EdgeEvidence, Scope } from './types.js';

/** Options of {@link commonContacts}. */
export interface CommonContactsOptions {
  scope?: Scope;
  /** A node qualifies when adjacent to at least this many seeds (default: all of them). */
  minShared?: number;
}

/** One common contact with the stored pairs linking it to each seed it touches. */
export interface CommonContact {
  node: number;
  /** Number of seeds it is adjacent to. */
  shared: number;
  /** Sum of the weights of `edges`. */
  totalWeight: number;
  edges: EdgeEvidence[];
}

/** Result of {@link commonContacts}; contacts sorted by shared desc, totalWeight desc, id asc. */
export interface CommonContactsResult {
  seeds: number[];
  unknownSeeds: number[];
  contacts: CommonContact[];
}

/**
 * Common contacts: nodes adjacent (under the scope's direction and filters) to at least
 * `minShared` of the seeds. Seeds themselves are never reported. Two passes over the seeds'
 * rows: one counts distinct seeds per neighbour, one gathers the evidence for the qualifiers.
 */
export function commonContacts(
  view: GraphView,
  seedIds: readonly number[],
  options: CommonContactsOptions = {},
): CommonContactsResult {
  const f = compileScope(options.scope);
  const { internal, unknown } = resolveSeeds(view, seedIds);
  const minShared = Math.max(1, options.minShared ?? internal.length);
  const scratch = view.scratch.acquire();
  const { count, queue, dist: lastSeed } = scratch;
  let touched = 0;
  for (let si = 0; si < internal.length; si++) {
    const k = view.neighbors(internal[si]!, f, scratch.nb);
    for (let i = 0; i < k; i++) {
      const v = scratch.nb.node[i]!;
      if (lastSeed[v] === si) continue;
      if (count[v] === 0) queue[touched++] = v;
      lastSeed[v] = si;
      count[v]!++;
    }
  }
  for (const s of internal) count[s] = 0;
  const byNode = new Map<number, CommonContact>();
  let seedExt = 0;
  const gather = (v: number, w: number, fi: number, la: number, t: number, out: boolean) => {
    if (count[v]! < minShared) return;
    const x = view.externalOf(v);
    let c = byNode.get(v);
    if (!c) {
      c = { node: x, shared: count[v]!, totalWeight: 0, edges: [] };
      byNode.set(v, c);
    }
    c.totalWeight += w;
    c.edges.push({
      source: out ? seedExt : x,
      target: out ? x : seedExt,
      weight: w,
      first: fi,
      last: la,
      typeMask: t,
    });
  };
  for (const s of internal) {
    seedExt = view.externalOf(s);
    view.forEachNeighbor(s, f, gather);
  }
  for (let i = 0; i < touched; i++) {
    count[queue[i]!] = 0;
    lastSeed[queue[i]!] = -1;
  }
  view.scratch.release(scratch);
  const contacts = [...byNode.values()].sort(
    (a, b) => b.shared - a.shared || b.totalWeight - a.totalWeight || a.node - b.node,
  );
  return { seeds: internal.map((u) => view.externalOf(u)), unknownSeeds: unknown, contacts };
}
