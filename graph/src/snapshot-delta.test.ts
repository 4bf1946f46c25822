import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChain } from './contact-chain.analysis.js';
import type { ContactGraph } from './contact-graph.js';
import { compileScope } from './edge-filter.js';
import { CsrBuilder } from './csr-builder.js';
import { DeltaGraph } from './delta-graph.js';
import type { GraphView } from './graph-view.js';
import { mergeGraphs } from './merge-graphs.js';
import { shortestPath } from './shortest-path.analysis.js';
import { loadSnapshot, saveSnapshot } from './snapshot.js';
import { batchOf, buildSmall, type Pair, scopeArb, smallGraphArb } from './testing/edge-list.js';

/**
 * A fingerprint of answers in store ids: every node's scoped neighbour edges, 3-hop chain (node and
 * hop; the parent may legitimately differ with visiting order) and every pair's path length.
 */
function answers(view: GraphView, n: number, scope = {}) {
  const out: unknown[] = [];
  for (let x = 0; x < n; x++) {
    if (view.internalOf(x) < 0) {
      // A store id the view never saw answers like an isolated node.
      out.push([`${x}:0`], [], ...Array.from({ length: n }, (_, y) => (x === y ? 0 : -1)));
      continue;
    }
    const r = contactChain(view, [x], { maxHops: 3, scope });
    out.push(r.nodes.map((y, i) => `${y}:${r.hops[i]}`).sort());
    const edges: string[] = [];
    view.forEachNeighbor(view.internalOf(x), compileScope(scope), (v, w, f, l, t, o) =>
      edges.push(`${view.externalOf(v)}:${w}:${f}:${l}:${t}:${o}`),
    );
    out.push(edges.sort());
    for (let y = 0; y < n; y++) out.push(x === y ? 0 : shortestPath(view, x, y, { scope }).length);
  }
  return out;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'graph-snap-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot', () => {
  it('round-trips: a loaded graph has identical arrays and answers', async () => {
    const graphs = fc.sample(smallGraphArb(12, 40), { numRuns: 20, seed: 7 });
    for (const [i, g] of graphs.entries()) {
      const graph = buildSmall(g, { highDegree: { maxDegree: 4 } });
      const path = join(dir, `g${i}.lgs`);
      await saveSnapshot(graph, path);
      const loaded = await loadSnapshot(path);
      expect(loaded.arrays).toEqual(graph.arrays);
      expect(loaded.arrays.outTargets.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(answers(loaded, g.n, { excludeHighDegree: true })).toEqual(
        answers(graph, g.n, { excludeHighDegree: true }),
      );
    }
  });

  it('refuses a file that is not a snapshot or is truncated', async () => {
    const bad = join(dir, 'bad.lgs');
    await writeFile(bad, Buffer.alloc(300));
    await expect(loadSnapshot(bad)).rejects.toThrow(/not a contact-graph snapshot/);
    const graph = buildSmall({
      n: 3,
      pairs: [{ src: 0, dst: 1, weight: 1, first: 0, last: 0, typeMask: 1 }],
    });
    const good = join(dir, 'good.lgs');
    await saveSnapshot(graph, good);
    const { readFile } = await import('node:fs/promises');
    await writeFile(bad, (await readFile(good)).subarray(0, 270));
    await expect(loadSnapshot(bad)).rejects.toThrow(/corrupt or truncated/);
  });
});

describe('DeltaGraph', () => {
  it('answers like a rebuild of base + delta (including new nodes and repeated pairs)', () => {
    fc.assert(
      fc.property(smallGraphArb(10, 30), smallGraphArb(14, 15), scopeArb(), (base, extra, scope) => {
        const n = Math.max(base.n, extra.n);
        const graph = buildSmall(base);
        const delta = new DeltaGraph(graph);
        delta.addBatch(batchOf(extra.pairs));
        const rebuilt = new CsrBuilder(n);
        rebuilt.add(batchOf(base.pairs));
        rebuilt.add(batchOf(extra.pairs));
        const full = rebuilt.finish();
        const known = (v: GraphView) =>
          Array.from({ length: n }, (_, x) => v.internalOf(x) >= 0 && v.degree(v.internalOf(x)) > 0);
        expect(known(delta)).toEqual(known(full));
        expect(answers(delta, n, scope)).toEqual(answers(full, n, scope));
        expect(answers(delta.compact(n), n, scope)).toEqual(answers(full, n, scope));
      }),
      { numRuns: 60 },
    );
  });
});

describe('mergeGraphs', () => {
  it('unions datasets through per-dataset id mappings', () => {
    const p = (src: number, dst: number, weight: number, first: number, last: number): Pair => ({
      src,
      dst,
      weight,
      first,
      last,
      typeMask: 1,
    });
    const a = buildSmall({ n: 3, pairs: [p(0, 1, 2, 10, 20), p(1, 2, 1, 5, 5)] });
    const b = buildSmall({ n: 2, pairs: [p(0, 1, 3, 1, 15)] });
    // dataset b's number 0 is shared number 0, its number 1 is shared number 1.
    const merged: ContactGraph = mergeGraphs([a, b], [Int32Array.of(0, 1, 2), Int32Array.of(0, 1)], 3);
    expect(merged.pairCount).toBe(2);
    expect(merged.findEdge(merged.internalOf(0), merged.internalOf(1))).toEqual({
      source: 0,
      target: 1,
      weight: 5,
      first: 1,
      last: 20,
      typeMask: 1,
    });
    const remapped = mergeGraphs([a, b], [Int32Array.of(0, 1, 2), Int32Array.of(2, -1)], 3);
    expect(remapped.pairCount).toBe(2);
  });
});
