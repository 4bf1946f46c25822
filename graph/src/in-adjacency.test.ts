import { describe, expect, it } from 'vitest';
import { runSync } from './build-ops.js';
import { blockShift, transposeSteps } from './in-adjacency.js';
import { createRng, randomInt } from './prng.js';

/** A random out-CSR (rows sorted, no repeats) over n nodes with about m pairs. */
function randomCsr(n: number, m: number, seed: number): { offsets: Int32Array; targets: Int32Array } {
  const rng = createRng(seed);
  const rows: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < m; i++) rows[randomInt(rng, n)]!.push(randomInt(rng, n));
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  for (let u = 0; u < n; u++) {
    const row = [...new Set(rows[u])].sort((a, b) => a - b);
    targets.push(...row);
    offsets[u + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets) };
}

/** The transpose by the definition: for each target, its sources ascending with their edge ids. */
function naiveTranspose(n: number, offsets: Int32Array, targets: Int32Array): [number, number][][] {
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++)
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) rows[targets[e]!]!.push([u, e]);
  return rows;
}

describe('transposeSteps', () => {
  // Sizes chosen so the targets fall into one block, and into a dozen blocks of the scatter. Two
  // parts run here one after the other: each scatters its sources from its own cursors.
  it.each([
    [50, 300, 1],
    [50, 300, 2],
    [3000, 200_000, 1],
    [3000, 200_000, 2],
  ])('equals the transpose by definition (n %i, ~%i pairs, %i parts)', (n, m, parts) => {
    const { offsets, targets } = randomCsr(n, m, n);
    const blocks = (n >> blockShift(n, targets.length)) + 1;
    if (n > 50) expect(blocks).toBeGreaterThan(1);
    const expected = naiveTranspose(n, offsets, targets);
    const { inOffsets, inSources, inEdges } = runSync(transposeSteps(n, offsets, targets, true, parts));
    const callers = runSync(transposeSteps(n, offsets, targets, false, parts));
    expect(callers.inEdges).toBeNull();
    expect(Array.from(callers.inOffsets)).toEqual(Array.from(inOffsets));
    expect(Array.from(callers.inSources)).toEqual(Array.from(inSources));
    for (let v = 0; v < n; v++) {
      const got: [number, number][] = [];
      for (let j = inOffsets[v]!; j < inOffsets[v + 1]!; j++) got.push([inSources[j]!, inEdges![j]!]);
      expect(got).toEqual(expected[v]);
    }
  });
});
