import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeltaGraph } from './delta-graph.js';
import { batchOf, buildSmall, naiveAdjacency, type Pair, smallGraphArb } from './testing/edge-list.js';
import { WatchlistIndex } from './watchlist-index.js';

/** Brute force: for each watched node, min hops from x (≤ 2) with hubs never in the middle. */
function bruteMatches(
  adj: Set<number>[],
  x: number,
  watched: Map<number, string>,
  hub: (v: number) => boolean,
) {
  const out = new Map<number, number>();
  if (watched.has(x)) out.set(x, 0);
  for (const y of adj[x] ?? []) {
    if (watched.has(y) && !out.has(y)) out.set(y, 1);
  }
  for (const y of adj[x] ?? []) {
    if (hub(y)) continue;
    for (const w of adj[y]!) if (w !== x && watched.has(w) && !out.has(w)) out.set(w, 2);
  }
  return out;
}

const watchArb = fc.uniqueArray(fc.nat(13), { maxLength: 5 });

describe('WatchlistIndex', () => {
  it('matches a brute-force 2-hop check, with and without the hub rule', () => {
    fc.assert(
      fc.property(smallGraphArb(14, 40), watchArb, fc.boolean(), (g, raw, excludeHighDegree) => {
        const graph = buildSmall(g, { highDegree: { maxDegree: 4 } });
        const watched = new Map(raw.filter((x) => x < g.n).map((x) => [x, `s${x}`]));
        const index = WatchlistIndex.build(
          graph,
          [...watched].map(([node, subject]) => ({ node, subject })),
          { excludeHighDegree },
        );
        const adj = naiveAdjacency(g.n, g.pairs);
        const hub = (v: number) => excludeHighDegree && graph.isHighDegree(graph.internalOf(v));
        for (let x = 0; x < g.n; x++) {
          const got = index.match(x);
          expect(new Map(got.map((m) => [m.watched, m.hops]))).toEqual(bruteMatches(adj, x, watched, hub));
          for (const m of got) {
            expect(m.subject).toBe(`s${m.watched}`);
            if (m.hops === 2) expect(adj[x]!.has(m.via!) && adj[m.via!]!.has(m.watched)).toBe(true);
          }
        }
      }),
    );
  });

  it('stays exact under incremental edges and watch additions (on a DeltaGraph)', () => {
    fc.assert(
      fc.property(smallGraphArb(10, 20), smallGraphArb(14, 10), watchArb, watchArb, (g, extra, w1, w2) => {
        const delta = new DeltaGraph(buildSmall(g));
        const index = WatchlistIndex.build(
          delta,
          w1.map((node) => ({ node, subject: `s${node}` })),
          { excludeHighDegree: false },
        );
        for (const p of extra.pairs) {
          delta.addPair(p.src, p.dst, p.weight, p.first, p.last, p.typeMask);
          index.addEdge(p.src, p.dst);
        }
        for (const node of w2) index.addWatched(node, `s${node}`);
        const n = Math.max(g.n, extra.n);
        const all: Pair[] = [...g.pairs, ...extra.pairs];
        const adj = naiveAdjacency(n, all);
        const watched = new Map(
          [...w1, ...w2].filter((x) => delta.internalOf(x) >= 0).map((x) => [x, `s${x}`] as [number, string]),
        );
        for (let x = 0; x < n; x++) {
          const got = new Map(index.match(x).map((m) => [m.watched, m.hops]));
          const expected = delta.internalOf(x) < 0 ? new Map() : bruteMatches(adj, x, watched, () => false);
          expect(got).toEqual(expected);
        }
      }),
    );
  });

  it('indexes a watched number that only appears later', () => {
    const p = (src: number, dst: number) => ({ src, dst, weight: 1, first: 0, last: 0, typeMask: 1 });
    const delta = new DeltaGraph(buildSmall({ n: 2, pairs: [p(0, 1)] }));
    const index = WatchlistIndex.build(delta, [{ node: 7, subject: 'late' }]);
    delta.addBatch(batchOf([p(1, 7)]));
    index.addEdge(1, 7);
    expect(index.match(0)).toEqual([{ subject: 'late', watched: 7, hops: 2, via: 1 }]);
  });
});
