import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectingNetwork } from './connecting-network.analysis.js';
import { buildSmall, floydWarshall, naiveAdjacency, smallGraphArb } from './testing/edge-list.js';

const pair = (src: number, dst: number) => ({ src, dst, weight: 1, first: 0, last: 0, typeMask: 1 });

describe('connectingNetwork', () => {
  it('joins every connected pair by a shortest path and reports the others', () => {
    fc.assert(
      fc.property(
        smallGraphArb(10, 30),
        fc.uniqueArray(fc.nat(9), { minLength: 2, maxLength: 4 }),
        (g, raw) => {
          const members = [...new Set(raw.map((x) => x % g.n))];
          const graph = buildSmall(g);
          const d = floydWarshall(naiveAdjacency(g.n, g.pairs));
          const r = connectingNetwork(graph, members, { maxHops: 10 });
          const expectedUnconnected = members.flatMap((a, i) =>
            members.slice(i + 1).flatMap((b) => (d[a]![b] === Number.POSITIVE_INFINITY ? [[a, b]] : [])),
          );
          expect(r.unconnected).toEqual(expectedUnconnected);
          for (const p of r.paths) expect(p.length).toBe(d[p.source]![p.target]);
          expect(r.paths.length + r.unconnected.length).toBe((members.length * (members.length - 1)) / 2);
        },
      ),
    );
  });

  it('prefers the intermediary shared by more pairs among equal-length paths', () => {
    // A–x–B, A–y–B, and C–y: the A–B path must go through y, which also joins C.
    const g = { n: 5, pairs: [pair(0, 3), pair(3, 1), pair(0, 4), pair(4, 1), pair(2, 4)] };
    const graph = buildSmall(g);
    const r = connectingNetwork(graph, [0, 1, 2]);
    expect(r.nodes).toEqual([0, 1, 2, 4]);
    expect(r.paths.find((p) => p.source === 0 && p.target === 1)!.nodes).toEqual([0, 4, 1]);
    expect(r.intermediaries).toEqual([{ node: 4, pairs: 3 }]);
  });

  it('routes through another member rather than a new intermediary of equal length', () => {
    // A–x–B and A–C–B (C a member): the A–B path goes through C and x stays out.
    const graph = buildSmall({ n: 4, pairs: [pair(0, 3), pair(3, 1), pair(0, 2), pair(2, 1)] });
    const r = connectingNetwork(graph, [0, 1, 2]);
    expect(r.nodes).toEqual([0, 1, 2]);
    expect(r.paths.find((p) => p.source === 0 && p.target === 1)!.nodes).toEqual([0, 2, 1]);
    expect(r.intermediaries).toEqual([]);
  });
});
