import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfsDistances } from './bfs.analysis.js';
import type { ContactGraph } from './contact-graph.js';
import { contactChain } from './contact-chain.analysis.js';
import { bfsOnCsr } from './csr-traversal.js';
import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { ScratchPool } from './scratch-pool.js';
import { buildSmall, scopeArb, smallGraphArb } from './testing/edge-list.js';
import type { Scope } from './types.js';

/** The same graph behind a plain GraphView (not a ContactGraph), so analyses take the general path. */
function generalView(g: ContactGraph): GraphView {
  return {
    nodeCount: g.nodeCount,
    externalSpan: g.externalSpan,
    internalOf: (x) => g.internalOf(x),
    externalOf: (u) => g.externalOf(u),
    isHighDegree: (u) => g.isHighDegree(u),
    degree: (u) => g.degree(u),
    forEachNeighbor: (u, f, visit) => g.forEachNeighbor(u, f, visit),
    neighbors: (u, f, buf) => g.neighbors(u, f, buf),
    findEdge: (u, v) => g.findEdge(u, v),
    scratch: new ScratchPool(() => g.nodeCount),
  };
}

/** A plain object with every (lazy) column read, as JSON would see it. */
const plain = (x: object) => JSON.parse(JSON.stringify(x));

const optionsArb = fc.record({
  scope: scopeArb(),
  excludeHighDegree: fc.boolean(),
  maxHops: fc.integer({ min: 1, max: 3 }),
  limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
});

/** A larger random graph with hubs (so BFS levels are big enough for the bottom-up switch). */
function hubGraph(seed: number, n: number, m: number): ContactGraph {
  let a = seed >>> 0;
  const rnd = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
  const pairs = Array.from({ length: m }, () => ({
    src: Math.floor(n * rnd() ** 3),
    dst: Math.floor(n * rnd()),
    weight: 1 + Math.floor(rnd() * 4),
    first: Math.floor(rnd() * 100),
    last: 100 + Math.floor(rnd() * 100),
    typeMask: 1 + Math.floor(rnd() * 15),
  }));
  return buildSmall({ n, pairs }, { highDegree: { maxDegree: 40 } });
}

describe('CSR fast paths', () => {
  it('contactChain on a ContactGraph equals the general (NeighborBuffer) path', () => {
    fc.assert(
      fc.property(smallGraphArb(), optionsArb, (sg, o) => {
        const g = buildSmall(sg, { highDegree: { maxDegree: 3 } });
        const seeds = o.seeds.map((x) => x % (sg.n + 1));
        const options = {
          maxHops: o.maxHops,
          scope: { ...o.scope, excludeHighDegree: o.excludeHighDegree },
          ...(o.limit === undefined ? {} : { limit: o.limit }),
        };
        const fast = contactChain(g, seeds, options);
        const general = contactChain(generalView(g), seeds, options);
        expect(plain(fast)).toEqual(plain(general));
      }),
      { numRuns: 300 },
    );
  });

  it('bfsDistances on a ContactGraph equals the general path, in every strategy', () => {
    fc.assert(
      fc.property(
        smallGraphArb(),
        scopeArb(),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom('auto' as const, 'top-down' as const, 'bottom-up' as const),
        (sg, scope, excludeHighDegree, rawSource, mode) => {
          const g = buildSmall(sg, { highDegree: { maxDegree: 3 } });
          const s: Scope = { ...scope, excludeHighDegree };
          const source = rawSource % sg.n;
          const general = bfsDistances(generalView(g), source, s);
          const sc = g.scratch.acquire();
          const dist = new Int32Array(g.externalSpan).fill(-1);
          const r = bfsOnCsr(g, compileScope(s), sc, g.internalOf(source), dist, mode);
          sc.visited.clearAll(sc.queue, r.tail);
          g.scratch.release(sc);
          expect(Array.from(dist)).toEqual(Array.from(general.dist));
          expect(r.tail).toBe(general.reached);
          expect(r.maxDepth).toBe(general.maxDepth);
          expect(plain(bfsDistances(g, source, s))).toEqual(plain(general));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the general path on larger hub graphs (direction switching, truncation)', () => {
    for (const seed of [1, 2, 3]) {
      const g = hubGraph(seed, 3000, 12000);
      const gv = generalView(g);
      for (const scope of [{}, { direction: 'out' as const }, { minEvents: 2, excludeHighDegree: true }]) {
        for (const source of [0, 1, 17, 2999]) {
          expect(plain(bfsDistances(g, source, scope))).toEqual(plain(bfsDistances(gv, source, scope)));
          for (const maxHops of [2, 3]) {
            const o = { maxHops, scope, limit: 500 };
            expect(plain(contactChain(g, [source], o))).toEqual(plain(contactChain(gv, [source], o)));
          }
        }
      }
      // The scratch is clean after use: a second run gives the same answer.
      expect(plain(bfsDistances(g, 5))).toEqual(plain(bfsDistances(g, 5)));
    }
  });
});
