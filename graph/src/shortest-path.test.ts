import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allShortestPaths } from './all-shortest-paths.analysis.js';
import { shortestPath } from './shortest-path.analysis.js';
import { buildSmall, floydWarshall, naiveAdjacency, scopeArb, smallGraphArb } from './testing/edge-list.js';
import { naivePathCounts } from './testing/naive.js';

describe('shortestPath / allShortestPaths', () => {
  it('has Floyd–Warshall lengths, valid hops, and the exact number of shortest paths', () => {
    fc.assert(
      fc.property(smallGraphArb(10, 30), scopeArb(), fc.nat(), fc.nat(), (g, scope, a, b) => {
        const s = a % g.n;
        const t = b % g.n;
        const graph = buildSmall(g);
        const adj = naiveAdjacency(g.n, g.pairs, scope);
        const d = floydWarshall(adj)[s]![t]!;
        const p = shortestPath(graph, s, t, { scope });
        const all = allShortestPaths(graph, s, t, { scope, maxPaths: 1000 });
        if (d === Number.POSITIVE_INFINITY) {
          expect(p.found).toBe(false);
          expect(all.found).toBe(false);
          return;
        }
        expect(p.length).toBe(d);
        expect(p.nodes.length).toBe(d + 1);
        expect(p.nodes[0]).toBe(s);
        expect(p.nodes[d]).toBe(t);
        p.hops.forEach((h, i) => {
          expect(adj[p.nodes[i]!]!.has(p.nodes[i + 1]!)).toBe(true);
          expect(h.pairs.length).toBeGreaterThan(0);
        });
        const { sigma } = naivePathCounts(adj, s);
        expect(all.length).toBe(d);
        expect(all.count).toBe(s === t ? 1 : sigma[t]);
        expect(all.paths.length).toBe(all.count);
        expect(new Set(all.paths.map((x) => x.join(','))).size).toBe(all.count);
        for (const path of all.paths) {
          expect(path.length).toBe(d + 1);
          for (let i = 0; i + 1 < path.length; i++) expect(adj[path[i]!]!.has(path[i + 1]!)).toBe(true);
        }
      }),
    );
  });

  it('respects maxHops and bounds the listed paths', () => {
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ].map(([src, dst]) => ({ src: src!, dst: dst!, weight: 1, first: 0, last: 0, typeMask: 1 }));
    const graph = buildSmall({ n: 5, pairs });
    expect(shortestPath(graph, 0, 4, { maxHops: 2 }).found).toBe(false);
    expect(shortestPath(graph, 0, 4, { maxHops: 3 }).length).toBe(3);
    const all = allShortestPaths(graph, 0, 4, { maxPaths: 1 });
    expect(all.count).toBe(2);
    expect(all.paths.length).toBe(1);
    expect(all.truncated).toBe(true);
    expect(shortestPath(graph, 4, 0, { scope: { direction: 'out' } }).found).toBe(false);
  });
});
