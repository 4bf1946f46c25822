import fc from 'fast-check';
import Graph from 'graphology';
import graphologyLouvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { labelPropagation, louvain } from './communities.kernel.js';
import { CsrBuilder } from './csr-builder.js';
import { modularity } from './modularity.js';
import { createRng } from './prng.js';
import { batchOf, buildSmall, canonicalPairs, type Pair, smallGraphArb } from './testing/edge-list.js';

/** Q = 1/2W Σ_ij [A_ij − k_i k_j / 2W] δ(c_i, c_j), straight from the definition (dense matrix). */
function directModularity(n: number, pairs: Pair[], comm: ArrayLike<number>): number {
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const p of canonicalPairs(pairs)) {
    a[p.src]![p.dst]! += p.weight;
    a[p.dst]![p.src]! += p.weight;
  }
  const k = a.map((row) => row.reduce((x, y) => x + y, 0));
  const m2 = k.reduce((x, y) => x + y, 0);
  if (m2 === 0) return 0;
  let q = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (comm[i] === comm[j]) q += a[i]![j]! - (k[i]! * k[j]!) / m2;
  return q / m2;
}

/** Planted partition: `groups` × `size` nodes, edge probability pIn inside, pOut across. */
function planted(
  groups: number,
  size: number,
  pIn: number,
  pOut: number,
  seed: number,
): { n: number; pairs: Pair[] } {
  const rng = createRng(seed);
  const n = groups * size;
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / size) === Math.floor(j / size);
      if (rng() < (same ? pIn : pOut)) {
        const w = 1 + Math.floor(rng() * 3);
        pairs.push(
          rng() < 0.5
            ? { src: i, dst: j, weight: w, first: 0, last: 0, typeMask: 1 }
            : { src: j, dst: i, weight: w, first: 0, last: 0, typeMask: 1 },
        );
      }
    }
  return { n, pairs };
}

describe('modularity', () => {
  it('equals the direct formula for any partition', () => {
    fc.assert(
      fc.property(
        smallGraphArb(10, 30),
        fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }),
        (g, labels) => {
          const comm = labels.slice(0, g.n);
          expect(modularity(buildSmall(g), comm)).toBeCloseTo(directModularity(g.n, g.pairs, comm), 10);
        },
      ),
    );
  });
});

describe('louvain / label propagation', () => {
  const { n, pairs } = planted(8, 40, 0.25, 0.01, 42);
  const graph = buildSmall({ n, pairs });

  it('Louvain reaches graphology’s modularity (−0.01) on a planted partition, reproducibly', () => {
    const ours = louvain(graph, { seed: 7 });
    const peer = new Graph({ type: 'undirected' });
    for (let i = 0; i < n; i++) peer.addNode(String(i));
    for (const p of canonicalPairs(pairs)) {
      const [a, b] = [String(p.src), String(p.dst)];
      if (peer.hasEdge(a, b)) peer.updateEdgeAttribute(a, b, 'weight', (w) => (w as number) + p.weight);
      else peer.addEdge(a, b, { weight: p.weight });
    }
    const theirs = graphologyLouvain.detailed(peer, { rng: createRng(7) });
    expect(ours.modularity).toBeGreaterThanOrEqual(theirs.modularity - 0.01);
    expect(ours.modularity).toBeCloseTo(directModularity(n, pairs, ours.communities), 10);
    expect(louvain(graph, { seed: 7 }).communities).toEqual(ours.communities);
    // The planted groups are recovered (each group maps to one community).
    for (let gi = 0; gi < 8; gi++)
      expect(new Set(ours.communities.subarray(gi * 40, gi * 40 + 40)).size).toBe(1);
  });

  it('Louvain never returns a partition worse than singletons on random graphs', () => {
    fc.assert(
      fc.property(smallGraphArb(12, 30), fc.nat(), (g, seed) => {
        const r = louvain(buildSmall(g), { seed });
        const singletons = Array.from({ length: g.n }, (_, i) => i);
        expect(r.modularity).toBeGreaterThanOrEqual(directModularity(g.n, g.pairs, singletons) - 1e-12);
        expect(r.modularity).toBeCloseTo(directModularity(g.n, g.pairs, r.communities), 10);
      }),
    );
  });

  it('Louvain on a level large enough to be swept once maps every store id to its group', () => {
    // 17,000 groups of 8 numbers (136,000 > 2^17 nodes): each group a ring with two chords
    // (2–4 events a pair), one single-event pair to a random other group. The builder relabels
    // nodes in BFS order, so internal ids differ from store ids and the result has to be mapped
    // back through the relabelling.
    const groups = 17_000;
    const size = 8;
    const rng = createRng(11);
    const pairs: Pair[] = [];
    const add = (src: number, dst: number, weight: number) =>
      pairs.push({ src, dst, weight, first: 0, last: 0, typeMask: 1 });
    const heavy = () => 2 + Math.floor(rng() * 3);
    for (let gi = 0; gi < groups; gi++) {
      const base = gi * size;
      for (let j = 0; j < size; j++) add(base + j, base + ((j + 1) % size), heavy());
      add(base, base + 4, heavy());
      add(base + 2, base + 6, heavy());
      const other = Math.floor(rng() * groups) * size + Math.floor(rng() * size);
      add(base + Math.floor(rng() * size), other, 1);
    }
    const b = new CsrBuilder(groups * size);
    b.add(batchOf(pairs));
    const big = b.finish();
    const r = louvain(big, { seed: 3 });
    for (let gi = 0; gi < groups; gi++)
      expect(new Set(r.communities.subarray(gi * size, gi * size + size)).size).toBe(1);
    expect(r.modularity).toBeCloseTo(modularity(big, r.communities), 10);
    expect(r.modularity).toBeGreaterThan(0.9);
  });

  it('label propagation finds the planted groups and reports its modularity', () => {
    const r = labelPropagation(graph, { seed: 3 });
    expect(r.modularity).toBeCloseTo(directModularity(n, pairs, r.communities), 10);
    expect(r.modularity).toBeGreaterThan(0.6);
    expect(labelPropagation(graph, { seed: 3 }).communities).toEqual(r.communities);
  });
});
