import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelPropagation, louvain } from './communities.kernel.js';
import { connectedComponents } from './components.kernel.js';
import { DeltaGraph } from './delta-graph.js';
import { graphSource } from './graph-source.js';
import { runInWorker } from './run-in-worker.js';
import { saveSnapshot } from './snapshot.js';
import { buildSmall, type Pair } from './testing/edge-list.js';

const pairs: Pair[] = Array.from({ length: 400 }, (_, i) => ({
  src: i % 200,
  dst: (i % 200 < 100 ? (i * 7) % 100 : 100 + ((i * 11) % 100)) as number,
  weight: 1 + (i % 3),
  first: i,
  last: i + 10,
  typeMask: 1,
}));

describe('runInWorker', () => {
  it('gives the same answers as the main thread, from shared buffers and from a snapshot', async () => {
    const graph = buildSmall({ n: 210, pairs });
    const [comm, lp, cc] = await Promise.all([
      runInWorker('louvain', graphSource(graph), { seed: 5 }),
      runInWorker('labelPropagation', graphSource(graph), { seed: 5 }),
      runInWorker('components', graphSource(graph), {}),
    ]);
    expect(comm).toEqual(louvain(graph, { seed: 5 }));
    expect(lp).toEqual(labelPropagation(graph, { seed: 5 }));
    expect(cc).toEqual(connectedComponents(graph));
    const dir = await mkdtemp(join(tmpdir(), 'graph-worker-'));
    try {
      await saveSnapshot(graph, join(dir, 'g.lgs'));
      expect(await runInWorker('components', join(dir, 'g.lgs'), {})).toEqual(cc);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('includes a delta overlay and reports worker errors', async () => {
    const delta = new DeltaGraph(buildSmall({ n: 210, pairs }));
    delta.addPair(0, 150, 1, 0, 0, 1);
    const cc = await runInWorker('components', graphSource(delta), {});
    expect(cc).toEqual(connectedComponents(delta));
    expect(cc.component[0]).toBe(cc.component[150]);
    await expect(runInWorker('components', '/nonexistent/snapshot', {})).rejects.toThrow();
  });
});
