import fc from 'fast-check';
import { CsrBuilder } from '../csr-builder.js';
import type { ContactGraph } from '../contact-graph.js';
import type { BuildOptions } from '../csr-builder.js';
import { allocBatch } from '../merge-graphs.js';
import type { EdgeBatch, Scope } from '../types.js';

/** One directed pair in store ids, as plain data for brute-force reference answers. */
export interface Pair {
  src: number;
  dst: number;
  weight: number;
  first: number;
  last: number;
  typeMask: number;
}

/** A small random graph: node count and pairs (repeats and self-pairs allowed). */
export interface SmallGraph {
  n: number;
  pairs: Pair[];
}

/** fast-check arbitrary of small graphs. */
export function smallGraphArb(maxNodes = 12, maxPairs = 40): fc.Arbitrary<SmallGraph> {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .array(
        fc.record({
          src: fc.integer({ min: 0, max: n - 1 }),
          dst: fc.integer({ min: 0, max: n - 1 }),
          weight: fc.integer({ min: 1, max: 4 }),
          first: fc.integer({ min: 0, max: 100 }),
          span: fc.integer({ min: 0, max: 100 }),
          typeMask: fc.integer({ min: 1, max: 15 }),
        }),
        { maxLength: maxPairs },
      )
      .map((rows) => ({
        n,
        pairs: rows.map(({ span, ...r }) => ({ ...r, last: r.first + span })),
      })),
  );
}

/** Pairs as one batch. */
export function batchOf(pairs: readonly Pair[]): EdgeBatch {
  const b = allocBatch(pairs.length);
  pairs.forEach((p, i) => {
    b.src[i] = p.src;
    b.dst[i] = p.dst;
    b.weight[i] = p.weight;
    b.first[i] = p.first;
    b.last[i] = p.last;
    b.typeMask[i] = p.typeMask;
  });
  return b;
}

/** Builds a graph from a small graph (optionally split into two batches). */
export function buildSmall(g: SmallGraph, options?: BuildOptions): ContactGraph {
  const b = new CsrBuilder(g.n, options);
  const half = g.pairs.length >> 1;
  b.add(batchOf(g.pairs.slice(0, half)));
  b.add(batchOf(g.pairs.slice(half)));
  return b.finish();
}

/** Repeated pairs merged (sum, min, max, or) and self-pairs dropped — the builder's rule. */
export function canonicalPairs(pairs: readonly Pair[]): Pair[] {
  const map = new Map<string, Pair>();
  for (const p of pairs) {
    if (p.src === p.dst) continue;
    const k = `${p.src},${p.dst}`;
    const q = map.get(k);
    if (!q) map.set(k, { ...p });
    else {
      q.weight += p.weight;
      q.first = Math.min(q.first, p.first);
      q.last = Math.max(q.last, p.last);
      q.typeMask |= p.typeMask;
    }
  }
  return [...map.values()];
}

/** Pairs passing a scope's edge conditions (not direction, not high-degree). */
export function scopedPairs(pairs: readonly Pair[], scope: Scope): Pair[] {
  const from = scope.from ?? 0;
  const to = scope.to ?? 0xffffffff;
  return canonicalPairs(pairs).filter(
    (p) =>
      p.weight >= (scope.minEvents ?? 0) &&
      p.last >= from &&
      p.first <= to &&
      (p.typeMask & (scope.types ?? 0xff)) !== 0,
  );
}

/** Neighbour sets in store ids following the scope's direction. */
export function naiveAdjacency(n: number, pairs: readonly Pair[], scope: Scope = {}): Set<number>[] {
  const dir = scope.direction ?? 'both';
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const p of scopedPairs(pairs, scope)) {
    if (dir !== 'in') adj[p.src]!.add(p.dst);
    if (dir !== 'out') adj[p.dst]!.add(p.src);
  }
  return adj;
}

/** Floyd–Warshall hop distances (Infinity when unreachable). */
export function floydWarshall(adj: readonly Set<number>[]): number[][] {
  const n = adj.length;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : adj[i]!.has(j) ? 1 : Number.POSITIVE_INFINITY)),
  );
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return d;
}

/** fast-check arbitrary of a scope over the small graphs' value ranges. */
export function scopeArb(): fc.Arbitrary<Scope> {
  return fc.record(
    {
      from: fc.integer({ min: 0, max: 150 }),
      to: fc.integer({ min: 50, max: 250 }),
      minEvents: fc.integer({ min: 0, max: 5 }),
      direction: fc.constantFrom('out' as const, 'in' as const, 'both' as const),
      types: fc.integer({ min: 1, max: 15 }),
    },
    { requiredKeys: [] },
  );
}
