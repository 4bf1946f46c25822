import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainPath, contactChain } from './contact-chain.analysis.js';
import { buildSmall, naiveAdjacency, scopeArb, smallGraphArb } from './testing/edge-list.js';
import { naiveBfs } from './testing/naive.js';

describe('contactChain', () => {
  it('finds exactly the nodes within maxHops, with hop counts and valid parent paths', () => {
    fc.assert(
      fc.property(
        smallGraphArb(),
        scopeArb(),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (g, scope, maxHops, rawSeeds, excludeHighDegree) => {
          const graph = buildSmall(g, { highDegree: { maxDegree: 3 } });
          const seeds = rawSeeds.map((x) => x % g.n);
          const s = { ...scope, excludeHighDegree };
          const adj = naiveAdjacency(g.n, g.pairs, s);
          const blocked = new Set<number>();
          if (excludeHighDegree) {
            for (let x = 0; x < g.n; x++)
              if (graph.isHighDegree(graph.internalOf(x)) && !seeds.includes(x)) blocked.add(x);
          }
          const expected = naiveBfs(adj, seeds, maxHops, blocked);
          const r = contactChain(graph, seeds, { maxHops, scope: s });
          const got = new Map(r.nodes.map((x, i) => [x, r.hops[i]!]));
          expect(got).toEqual(expected);
          r.nodes.forEach((x, i) => {
            const p = r.parent[i]!;
            if (r.hops[i] === 0) {
              expect(p).toBe(-1);
              return;
            }
            expect(adj[p]!.has(x)).toBe(true);
            expect(got.get(p)).toBe(r.hops[i]! - 1);
            const path = chainPath(r, x)!;
            expect(path.length).toBe(r.hops[i]! + 1);
            expect(seeds).toContain(path[0]);
          });
        },
      ),
    );
  });

  it('reports the edge evidence of each hop', () => {
    const g = {
      n: 3,
      pairs: [
        { src: 0, dst: 1, weight: 4, first: 10, last: 20, typeMask: 1 },
        { src: 2, dst: 1, weight: 2, first: 5, last: 7, typeMask: 2 },
      ],
    };
    const r = contactChain(buildSmall(g), [0], { maxHops: 2 });
    expect(r.nodes).toEqual([0, 1, 2]);
    expect(r.edgeOutgoing).toEqual([false, true, false]);
    expect(r.edgeWeight).toEqual([0, 4, 2]);
    expect(r.edgeFirst).toEqual([0, 10, 5]);
    expect(r.edgeTypeMask).toEqual([0, 1, 2]);
  });

  it('truncates at the limit, nearest first', () => {
    const pairs = Array.from({ length: 10 }, (_, i) => ({
      src: 0,
      dst: i + 1,
      weight: 1,
      first: 0,
      last: 0,
      typeMask: 1,
    }));
    pairs.push({ src: 1, dst: 11, weight: 1, first: 0, last: 0, typeMask: 1 });
    const graph = buildSmall({ n: 12, pairs });
    const r = contactChain(graph, [0], { limit: 10 });
    expect(r.truncated).toBe(true);
    expect(r.nodes.length).toBe(11);
    expect(r.hops.every((h) => h <= 1)).toBe(true);
    expect(contactChain(graph, [0], { limit: 11 }).truncated).toBe(false);
    expect(contactChain(graph, [0], { limit: 10 }).nodes).toEqual(r.nodes);
  });

  it('reports unknown seeds and rejects maxHops outside 1–3', () => {
    const graph = buildSmall({ n: 2, pairs: [] });
    expect(contactChain(graph, [5]).unknownSeeds).toEqual([5]);
    expect(() => contactChain(graph, [0], { maxHops: 4 })).toThrow(RangeError);
  });
});
