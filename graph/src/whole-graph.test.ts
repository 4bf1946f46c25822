import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfsDistances } from './bfs.analysis.js';
import { betweenness } from './betweenness.kernel.js';
import { degreeCentrality } from './centrality.kernel.js';
import { connectedComponents } from './components.kernel.js';
import { extractSubgraph } from './subgraph.analysis.js';
import { buildSmall, canonicalPairs, naiveAdjacency, scopeArb, smallGraphArb } from './testing/edge-list.js';
import { naiveBfs, naivePathCounts } from './testing/naive.js';

/** Betweenness by definition: Σ over ordered pairs s≠v≠t of σ_st(v)/σ_st (halved if undirected). */
function naiveBetweenness(adj: Set<number>[], undirected: boolean): number[] {
  const n = adj.length;
  const counts = Array.from({ length: n }, (_, s) => naivePathCounts(adj, s));
  const bc = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      const dst = counts[s]!.dist[t]!;
      if (s === t || dst < 0) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        const a = counts[s]!.dist[v]!;
        const b = counts[v]!.dist[t]!;
        if (a >= 0 && b >= 0 && a + b === dst)
          bc[v]! += (counts[s]!.sigma[v]! * counts[v]!.sigma[t]!) / counts[s]!.sigma[t]!;
      }
    }
  return bc.map((x) => (undirected ? x / 2 : x));
}

/** Union–find partition as a canonical list of sorted groups. */
function naiveComponents(n: number, pairs: { src: number; dst: number }[]): number[][] {
  const p = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (p[x] !== x) x = p[x]!;
    return x;
  };
  for (const e of pairs) p[find(e.src)] = find(e.dst);
  const groups = new Map<number, number[]>();
  for (let x = 0; x < n; x++) groups.set(find(x), [...(groups.get(find(x)) ?? []), x]);
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}

describe('whole-graph analyses', () => {
  it('components equal a union–find over the scoped pairs', () => {
    fc.assert(
      fc.property(smallGraphArb(15, 20), scopeArb(), (g, scope) => {
        const r = connectedComponents(buildSmall(g), scope);
        const groups = new Map<number, number[]>();
        r.component.forEach((c, x) => {
          groups.set(c, [...(groups.get(c) ?? []), x]);
        });
        const expected = naiveComponents(
          g.n,
          naiveAdjacency(g.n, g.pairs, { ...scope, direction: 'out' }).flatMap((s, src) =>
            [...s].map((dst) => ({ src, dst })),
          ),
        );
        expect([...groups.values()].sort((a, b) => a[0]! - b[0]!)).toEqual(expected);
        expect(r.sizes).toEqual([...r.sizes].sort((a, b) => b - a));
        expect(r.count).toBe(expected.length);
      }),
    );
  });

  it('full BFS distances equal a naive BFS', () => {
    fc.assert(
      fc.property(smallGraphArb(), scopeArb(), fc.nat(), (g, scope, a) => {
        const s = a % g.n;
        const r = bfsDistances(buildSmall(g), s, scope);
        const d = naiveBfs(naiveAdjacency(g.n, g.pairs, scope), [s]);
        expect(Array.from(r.dist)).toEqual(Array.from({ length: g.n }, (_, x) => d.get(x) ?? -1));
        expect(r.reached).toBe(d.size);
      }),
    );
  });

  it('exact betweenness equals the all-pairs definition (directed and undirected)', () => {
    fc.assert(
      fc.property(smallGraphArb(9, 25), scopeArb(), (g, scope) => {
        const r = betweenness(buildSmall(g), { scope });
        expect(r.exact).toBe(true);
        const expected = naiveBetweenness(
          naiveAdjacency(g.n, g.pairs, scope),
          (scope.direction ?? 'both') === 'both',
        );
        Array.from(r.betweenness).forEach((x, i) => {
          expect(x).toBeCloseTo(expected[i]!, 9);
        });
      }),
    );
  });

  it('betweenness on an induced subgraph uses only its nodes', () => {
    const p = (src: number, dst: number) => ({ src, dst, weight: 1, first: 0, last: 0, typeMask: 1 });
    const graph = buildSmall({ n: 4, pairs: [p(0, 1), p(1, 2), p(0, 3), p(3, 2)] });
    expect(Array.from(betweenness(graph).betweenness)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(betweenness(graph, { nodes: [0, 1, 2] }).betweenness)).toEqual([0, 1, 0, 0]);
  });

  it('sampled betweenness is unbiased-ish and within its stated bound', () => {
    const pairs = Array.from({ length: 900 }, (_, i) => ({
      src: i % 300,
      dst: (i * 97 + 13) % 300,
      weight: 1,
      first: 0,
      last: 0,
      typeMask: 1,
    }));
    const graph = buildSmall({ n: 300, pairs });
    const exact = betweenness(graph);
    const sampled = betweenness(graph, { exactLimit: 100, samples: 150, seed: 3 });
    expect(sampled.exact).toBe(false);
    const err = sampled.error!;
    let maxDiff = 0;
    exact.betweenness.forEach((x, i) => {
      maxDiff = Math.max(maxDiff, Math.abs(x - sampled.betweenness[i]!));
    });
    expect(maxDiff).toBeLessThanOrEqual(err.absoluteBound);
    expect(maxDiff).toBeGreaterThan(0);
    const all = betweenness(graph, { exactLimit: 100, samples: 300 });
    all.betweenness.forEach((x, i) => {
      expect(x).toBeCloseTo(exact.betweenness[i]!, 6);
    });
  });

  it('degree and weighted degree follow the scope', () => {
    fc.assert(
      fc.property(smallGraphArb(), scopeArb(), (g, scope) => {
        const r = degreeCentrality(buildSmall(g), { scope });
        const adj = naiveAdjacency(g.n, g.pairs, scope);
        expect(Array.from(r.degree)).toEqual(adj.map((s) => s.size));
        const dir = scope.direction ?? 'both';
        const w = new Array<number>(g.n).fill(0);
        for (const p of canonicalPairs(g.pairs)) {
          if (!naiveAdjacency(g.n, [p], { ...scope, direction: 'out' })[p.src]!.has(p.dst)) continue;
          if (dir !== 'in') w[p.src]! += p.weight;
          if (dir !== 'out') w[p.dst]! += p.weight;
        }
        expect(Array.from(r.weightedDegree)).toEqual(w);
      }),
    );
  });

  it('extracts the induced subgraph with evidence', () => {
    fc.assert(
      fc.property(
        smallGraphArb(),
        scopeArb(),
        fc.uniqueArray(fc.nat(11), { maxLength: 6 }),
        (g, scope, raw) => {
          const set = raw.filter((x) => x < g.n);
          const r = extractSubgraph(buildSmall(g), set, scope);
          const expected = canonicalPairs(g.pairs)
            .filter((p) => set.includes(p.src) && set.includes(p.dst))
            .filter((p) => naiveAdjacency(g.n, [p], { ...scope, direction: 'out' })[p.src]!.has(p.dst));
          const key = (e: { source?: number; src?: number; target?: number; dst?: number; weight: number }) =>
            `${e.source ?? e.src}>${e.target ?? e.dst}:${e.weight}`;
          expect(r.edges.map(key).sort()).toEqual(expected.map(key).sort());
          expect(r.nodes.map((x) => x.id)).toEqual(set);
        },
      ),
    );
  });
});
