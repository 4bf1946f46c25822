import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonContacts } from './common-contacts.analysis.js';
import { buildSmall, naiveAdjacency, scopeArb, smallGraphArb } from './testing/edge-list.js';

describe('commonContacts', () => {
  it('equals the set intersection of the seeds’ neighbourhoods (or at-least-k counts)', () => {
    fc.assert(
      fc.property(
        smallGraphArb(10, 50),
        scopeArb(),
        fc.uniqueArray(fc.nat(9), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (g, scope, rawSeeds, k) => {
          const seeds = [...new Set(rawSeeds.map((x) => x % g.n))];
          const graph = buildSmall(g);
          const adj = naiveAdjacency(g.n, g.pairs, scope);
          const minShared = Math.min(k, seeds.length);
          const expected = new Map<number, number>();
          for (let v = 0; v < g.n; v++) {
            if (seeds.includes(v)) continue;
            const c = seeds.filter((s) => adj[s]!.has(v)).length;
            if (c >= minShared && c > 0) expected.set(v, c);
          }
          const r = commonContacts(graph, seeds, { scope, minShared });
          expect(new Map(r.contacts.map((c) => [c.node, c.shared]))).toEqual(expected);
          for (const c of r.contacts) {
            const touched = new Set(c.edges.map((e) => (e.source === c.node ? e.target : e.source)));
            expect(touched.size).toBe(c.shared);
            expect(c.totalWeight).toBe(c.edges.reduce((a, e) => a + e.weight, 0));
          }
        },
      ),
    );
  });
});
