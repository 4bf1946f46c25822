import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsrBuilder } from './csr-builder.js';
import { DeltaGraph } from './delta-graph.js';
import { compileScope } from './edge-filter.js';
import { NeighborBuffer } from './neighbor-buffer.js';
import { createRng, shuffleInPlace } from './prng.js';
import {
  batchOf,
  buildSmall,
  canonicalPairs,
  naiveAdjacency,
  scopeArb,
  smallGraphArb,
} from './testing/edge-list.js';

describe('CsrBuilder', () => {
  it('stores every distinct pair once with merged weight/time/type, both directions', () => {
    fc.assert(
      fc.property(smallGraphArb(), fc.boolean(), (g, relabel) => {
        const graph = buildSmall(g, { relabel });
        const expected = canonicalPairs(g.pairs)
          .map((p) => `${p.src}>${p.dst}:${p.weight}:${p.first}:${p.last}:${p.typeMask}`)
          .sort();
        const got: string[] = [];
        const inGot: string[] = [];
        for (let u = 0; u < graph.nodeCount; u++) {
          const x = graph.externalOf(u);
          graph.forEachNeighbor(u, compileScope({ direction: 'out' }), (v, w, f, l, t) =>
            got.push(`${x}>${graph.externalOf(v)}:${w}:${f}:${l}:${t}`),
          );
          graph.forEachNeighbor(u, compileScope({ direction: 'in' }), (v, w, f, l, t) =>
            inGot.push(`${graph.externalOf(v)}>${x}:${w}:${f}:${l}:${t}`),
          );
        }
        expect(got.sort()).toEqual(expected);
        expect(inGot.sort()).toEqual(expected);
        expect(graph.pairCount).toBe(expected.length);
        for (let x = 0; x < g.n; x++) expect(graph.externalOf(graph.internalOf(x))).toBe(x);
      }),
    );
  });

  it('keeps each row sorted by target so edges can be found by binary search', () => {
    fc.assert(
      fc.property(smallGraphArb(), (g) => {
        const graph = buildSmall(g);
        for (const p of canonicalPairs(g.pairs)) {
          const e = graph.findEdge(graph.internalOf(p.src), graph.internalOf(p.dst));
          expect(e).toEqual({
            source: p.src,
            target: p.dst,
            weight: p.weight,
            first: p.first,
            last: p.last,
            typeMask: p.typeMask,
          });
        }
      }),
    );
  });

  it('applies scope filters (time window, minEvents, types, direction) like a naive filter', () => {
    fc.assert(
      fc.property(smallGraphArb(), scopeArb(), (g, scope) => {
        const graph = buildSmall(g);
        const adj = naiveAdjacency(g.n, g.pairs, scope);
        const f = compileScope(scope);
        for (let x = 0; x < g.n; x++) {
          const seen = new Set<number>();
          graph.forEachNeighbor(graph.internalOf(x), f, (v) => seen.add(graph.externalOf(v)));
          expect([...seen].sort()).toEqual([...adj[x]!].sort());
        }
      }),
    );
  });

  it('fills neighbour buffers exactly like forEachNeighbor (plain graph and delta overlay)', () => {
    fc.assert(
      fc.property(smallGraphArb(), smallGraphArb(12, 8), scopeArb(), fc.boolean(), (g, extra, scope, hd) => {
        const graph = buildSmall(g, { highDegree: { maxDegree: 3 } });
        const delta = new DeltaGraph(graph);
        delta.addBatch(batchOf(extra.pairs));
        const f = compileScope({ ...scope, excludeHighDegree: hd });
        for (const view of [graph, delta]) {
          const withData = new NeighborBuffer(true);
          const idsOnly = new NeighborBuffer(false);
          for (let u = 0; u < view.nodeCount; u++) {
            const viaCallback: string[] = [];
            view.forEachNeighbor(u, f, (v, w, fi, la, t, o) =>
              viaCallback.push(`${v}:${w}:${fi}:${la}:${t}:${o ? 1 : 0}`),
            );
            const k = view.neighbors(u, f, withData);
            const viaBuffer = Array.from({ length: k }, (_, i) =>
              [
                withData.node[i],
                withData.weight[i],
                withData.first[i],
                withData.last[i],
                withData.typeMask[i],
                withData.outgoing[i],
              ].join(':'),
            );
            expect(viaBuffer).toEqual(viaCallback);
            const k2 = view.neighbors(u, f, idsOnly);
            expect(Array.from(idsOnly.node.subarray(0, k2))).toEqual(
              viaCallback.map((x) => Number(x.split(':')[0])),
            );
          }
        }
      }),
    );
  });

  it('builds the same graph from sorted distinct pairs as from the same pairs shuffled and split', () => {
    fc.assert(
      fc.property(smallGraphArb(20, 80), fc.boolean(), fc.integer(), (g, relabel, seed) => {
        // Sorted by (source, target), self-pairs kept: the fast path (a DuckDB pairs table).
        const distinct = [...new Map(g.pairs.map((p) => [`${p.src},${p.dst}`, p])).values()].sort(
          (a, b) => a.src - b.src || a.dst - b.dst,
        );
        const third = Math.ceil(distinct.length / 3);
        const fromSorted = new CsrBuilder(g.n, { relabel });
        for (let i = 0; i < distinct.length; i += third)
          fromSorted.add(batchOf(distinct.slice(i, i + third)));
        // Each pair as two parts in shuffled order: the counting-sort-and-merge path.
        const parts = distinct.flatMap((p) => [
          { ...p, weight: 1, last: p.first },
          { ...p, weight: p.weight - 1 || 1, first: p.last },
        ]);
        const order = shuffleInPlace(Int32Array.from(parts.keys()), createRng(seed));
        const fromParts = new CsrBuilder(g.n, { relabel });
        fromParts.add(batchOf(Array.from(order, (i) => parts[i]!)));
        const a = fromSorted.finish();
        const b = fromParts.finish();
        const merged = distinct.map((p) => ({ ...p, weight: p.weight === 1 ? 2 : p.weight }));
        const expected = canonicalPairs(merged).map(
          (p) => `${p.src}>${p.dst}:${p.weight}:${p.first}:${p.last}`,
        );
        const got = (graph: typeof a) => {
          const out: string[] = [];
          for (let u = 0; u < graph.nodeCount; u++) {
            graph.forEachNeighbor(u, compileScope({ direction: 'out' }), (v, w, f, l) =>
              out.push(`${graph.externalOf(u)}>${graph.externalOf(v)}:${w}:${f}:${l}`),
            );
          }
          return out.sort();
        };
        expect(got(b)).toEqual(expected.sort());
        // Same BFS order, same arrays: only the weights differ where a pair of weight 1 was split.
        for (const k of ['toExternal', 'outOffsets', 'outTargets', 'first', 'last', 'typeMask'] as const) {
          expect(Array.from(a[k]), k).toEqual(Array.from(b[k]));
        }
        for (const k of ['inOffsets', 'inSources', 'inEdges'] as const) {
          expect(Array.from(a[k]), k).toEqual(Array.from(b[k]));
        }
        expect(fromSorted.droppedSelfPairs).toBe(distinct.filter((p) => p.src === p.dst).length);
      }),
    );
  });

  it('numbers nodes in BFS order: each component a run of ids from its root, by distance from it', () => {
    fc.assert(
      fc.property(smallGraphArb(30, 60), (g) => {
        const graph = buildSmall(g);
        const n = graph.nodeCount;
        const both = compileScope({ direction: 'both' });
        const degree = (u: number) =>
          graph.outOffsets[u + 1]! - graph.outOffsets[u]! + graph.inOffsets[u + 1]! - graph.inOffsets[u]!;
        const dist = new Int32Array(n).fill(-1);
        const roots: number[] = [];
        for (let root = 0; root < n; root++) {
          if (dist[root] !== -1) continue;
          roots.push(root);
          // A plain BFS over both directions from the root.
          dist[root] = 0;
          const queue = [root];
          for (let h = 0; h < queue.length; h++) {
            graph.forEachNeighbor(queue[h]!, both, (v) => {
              if (dist[v] === -1) {
                dist[v] = dist[queue[h]!]! + 1;
                queue.push(v);
              }
            });
          }
          const ids = queue.sort((x, y) => x - y);
          expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => root + i));
          for (let u = root + 1; u < root + ids.length; u++)
            expect(dist[u]).toBeGreaterThanOrEqual(dist[u - 1]!);
        }
        // The first root has the highest degree; later roots come in store-id order.
        for (let u = 0; u < n; u++) expect(degree(u)).toBeLessThanOrEqual(degree(0));
        const later = roots.slice(1).map((r) => graph.externalOf(r));
        expect(later).toEqual([...later].sort((x, y) => x - y));
      }),
    );
  });

  it('rejects ids outside the node range', () => {
    expect(() =>
      buildSmall({ n: 2, pairs: [{ src: 0, dst: 2, weight: 1, first: 0, last: 0, typeMask: 1 }] }),
    ).toThrow(RangeError);
  });

  it('flags high-degree nodes above the configured degree', () => {
    const pairs = Array.from({ length: 30 }, (_, i) => ({
      src: 0,
      dst: i + 1,
      weight: 1,
      first: 0,
      last: 0,
      typeMask: 1,
    }));
    const graph = buildSmall({ n: 31, pairs }, { highDegree: { maxDegree: 10 } });
    expect(graph.isHighDegree(graph.internalOf(0))).toBe(true);
    expect(graph.isHighDegree(graph.internalOf(5))).toBe(false);
    const none = buildSmall({ n: 31, pairs });
    expect(none.isHighDegree(none.internalOf(0))).toBe(false);
  });

  it('uses at most 40 bytes per pair on a sparse graph', () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => ({
      src: i % 1000,
      dst: (i % 1000) + 1 + Math.floor(i / 1000) * 37,
      weight: 1,
      first: 0,
      last: 0,
      typeMask: 1,
    }));
    const graph = buildSmall({ n: 1200, pairs });
    expect(graph.pairCount).toBe(5000);
    expect(graph.bytesPerPair()).toBeLessThanOrEqual(40);
  });
});
