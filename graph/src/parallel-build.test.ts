import { describe, expect, it } from 'vitest';
import { BuildHelper } from './build-helper.js';
import { type BuildOpName, splitByOffsets } from './build-steps.js';
import type { ContactGraph } from './contact-graph.js';
import { type BuildOptions, CsrBuilder } from './csr-builder.js';
import { createRng, randomInt } from './prng.js';
import { isSharedBatch } from './shared-arrays.js';
import { batchOf, type Pair } from './testing/edge-list.js';

/** Random pairs with skewed sources (a few long rows), repeats and self-pairs. */
function randomPairs(n: number, m: number, seed: number): Pair[] {
  const rng = createRng(seed);
  return Array.from({ length: m }, () => {
    const src = rng() < 0.2 ? randomInt(rng, 8) : randomInt(rng, n);
    const first = randomInt(rng, 1000);
    return {
      src,
      dst: rng() < 0.01 ? src : randomInt(rng, n),
      weight: 1 + randomInt(rng, 5),
      first,
      last: first + randomInt(rng, 500),
      typeMask: 1 + randomInt(rng, 15),
    };
  });
}

/** Distinct pairs in (source, target) order, as the store's pairs table streams them. */
function sortedDistinct(pairs: Pair[]): Pair[] {
  const seen = new Map<number, Pair>();
  for (const p of pairs) if (p.src !== p.dst) seen.set(p.src * 1e6 + p.dst, p);
  return [...seen.values()].sort((a, b) => a.src - b.src || a.dst - b.dst);
}

/** Two builders fed the same batches (of `batchRows`, so rows span batch boundaries). */
function builders(n: number, pairs: Pair[], batchRows: number, options: BuildOptions = {}) {
  const one = new CsrBuilder(n, options);
  const two = new CsrBuilder(n, options);
  for (let i = 0; i < pairs.length; i += batchRows) {
    const batch = batchOf(pairs.slice(i, i + batchRows));
    one.add(batch);
    two.add(batch);
  }
  return { one, two };
}

function expectSameGraph(a: ContactGraph, b: ContactGraph): void {
  expect(b.nodeCount).toBe(a.nodeCount);
  expect(b.pairCount).toBe(a.pairCount);
  for (const [name, array] of Object.entries(a.arrays)) {
    const other = (b.arrays as unknown as Record<string, unknown>)[name];
    if (ArrayBuffer.isView(array))
      expect([name, Buffer.from(other as Uint8Array).equals(Buffer.from(array as Uint8Array))]).toEqual([
        name,
        true,
      ]);
    else expect([name, other]).toEqual([name, array]);
  }
}

describe('CsrBuilder.build with a helper thread', () => {
  it.each([
    ['sorted distinct pairs (a pairs table)', 20_000, 120_000, 997, true, {}],
    ['unsorted pairs with repeats and self-pairs', 20_000, 120_000, 4_096, false, {}],
    ['sorted pairs kept in store ids', 5_000, 40_000, 1_000, true, { relabel: false }],
    ['a graph without pairs', 10, 0, 100, true, {}],
  ] as const)('builds the same graph as one thread: %s', async (_, n, m, batchRows, sorted, options) => {
    const raw = randomPairs(n, m, n + m);
    const pairs = sorted ? sortedDistinct(raw) : raw;
    const { one, two } = builders(n, pairs, batchRows, options);
    const expected = one.finish();
    const got = await two.build({ threads: 2 });
    expect(two.threads).toBe(2);
    expectSameGraph(expected, got);
    for (const array of Object.values(got.arrays))
      if (ArrayBuffer.isView(array)) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('builds with its helper by default from helperFromPairs pairs, and on one thread below', async () => {
    const pairs = sortedDistinct(randomPairs(20_000, 120_000, 11));
    const { one, two } = builders(20_000, pairs, 10_000, { helperFromPairs: 50_000 });
    const expected = one.finish();
    expect(one.threads).toBe(1);
    const got = await two.build();
    expect(two.threads).toBe(2);
    expectSameGraph(expected, got);
    const few = new CsrBuilder(20_000, { helperFromPairs: pairs.length + 1 });
    few.add(batchOf(pairs));
    await few.build();
    expect(few.threads).toBe(1);
  });

  it('builds on one thread when the adopted batches are not shared', async () => {
    const pairs = sortedDistinct(randomPairs(100, 500, 7));
    const b = new CsrBuilder(100);
    const batch = batchOf(pairs);
    const plain = { ...batch, src: batch.src.slice(), dst: batch.dst.slice() };
    expect(isSharedBatch(plain)).toBe(false);
    b.adopt(plain);
    const graph = await b.build({ threads: 2 });
    expect(b.threads).toBe(1);
    expect(graph.pairCount).toBe(pairs.length);
  });

  it('splits rows at equal numbers of entries', () => {
    const offsets = Int32Array.from([0, 10, 10, 12, 30, 31, 40]);
    expect(splitByOffsets(offsets, 6, 1)).toEqual([0, 6]);
    expect(splitByOffsets(offsets, 6, 2)).toEqual([0, 3, 6]);
    expect(splitByOffsets(Int32Array.from([0, 0, 0]), 2, 2)).toEqual([0, 0, 2]);
  });

  it('rejects with the helper error instead of hanging', async () => {
    const helper = new BuildHelper();
    try {
      await expect(helper.run('noSuchOp' as BuildOpName, {})).rejects.toThrow(
        /unknown build operation 'noSuchOp'/,
      );
      await expect(helper.run('sortRows', { rows: null, u0: 0, u1: 1 })).rejects.toThrow(/build helper/);
    } finally {
      await helper.close();
    }
  });
});
