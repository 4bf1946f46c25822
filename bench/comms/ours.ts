import { statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ContactGraph, CsrBuilder, type EdgeBatch, loadSnapshot, saveSnapshot } from '#graph/index';
import { genericProfile } from '#server/modules/comms-data/profiles/generic.profile';
import {
  type DatasetStore,
  type DuckDbStore,
  parseProviderProfile,
} from '#server/modules/comms-data/store/index';
import { median, settledHeap } from './timing.js';

export const CSV_PROFILE = parseProviderProfile(genericProfile);
/** The generic layout as Parquet (same column names). */
export const PARQUET_PROFILE = parseProviderProfile({
  ...genericProfile,
  id: 'generic-parquet',
  format: 'parquet',
});

export interface IngestFigure {
  ms: number;
  runs: number[];
  read: number;
  loaded: number;
  rowsPerS: number;
  /** Wall time per import phase of the last run (ms), from the progress callback. */
  phases: Record<string, number>;
}

/** Imports `file` into a fresh dataset `runs` times (the last import is kept). */
export async function ingest(
  store: DuckDbStore,
  datasetId: string,
  file: string,
  format: 'csv' | 'parquet',
  runs: number,
): Promise<IngestFigure> {
  const times: number[] = [];
  let read = 0;
  let loaded = 0;
  let phases: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    await store.deleteDataset(datasetId);
    const t0 = performance.now();
    phases = {};
    let phase = 'start';
    let since = t0;
    const onProgress = (p: { phase: string }) => {
      if (p.phase === phase) return;
      const now = performance.now();
      phases[phase] = (phases[phase] ?? 0) + now - since;
      phase = p.phase;
      since = now;
    };
    const r = await store
      .dataset(datasetId)
      .importFiles([file], format === 'csv' ? CSV_PROFILE : PARQUET_PROFILE, { onProgress });
    phases[phase] = (phases[phase] ?? 0) + performance.now() - since;
    times.push(performance.now() - t0);
    read = r.read;
    loaded = r.loaded;
    if (r.rejected > 0) throw new Error(`${r.rejected} rows rejected: ${JSON.stringify(r.rejectReasons)}`);
  }
  const ms = median(times);
  return { ms, runs: times, read, loaded, rowsPerS: read / (ms / 1000), phases };
}

export interface BuildFigure {
  graph: ContactGraph;
  ms: number;
  runs: number[];
  /** The streamed batches of the last build (kept only when asked, for graphology). */
  batches: EdgeBatch[];
  /** Wall time per step of the last build (ms): reading the pairs, then each step of `finish`. */
  steps: Record<string, number>;
}

/** Streams the pairs table into a CsrBuilder (`runs` times on a settled heap, median). */
export async function buildGraph(ds: DatasetStore, runs: number, keepBatches: boolean): Promise<BuildFigure> {
  const times: number[] = [];
  let graph: ContactGraph | null = null;
  let batches: EdgeBatch[] = [];
  let steps: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    graph = null;
    batches = [];
    steps = {};
    settledHeap();
    const t0 = performance.now();
    const builder = new CsrBuilder(await ds.numberCount(), {
      onStep: (step, ms) => {
        steps[step] = ms;
      },
    });
    for await (const b of ds.streamPairs()) {
      builder.adopt(b);
      if (keepBatches && i === runs - 1) batches.push(b);
    }
    steps['read pairs'] = performance.now() - t0;
    graph = await builder.build();
    times.push(performance.now() - t0);
  }
  if (!graph) throw new Error('no build run');
  return { graph, ms: median(times), runs: times, batches, steps };
}

export interface SnapshotFigure {
  saveMs: number;
  loadMs: number;
  bytes: number;
}

export async function snapshotRoundTrip(
  graph: ContactGraph,
  dir: string,
  runs: number,
): Promise<SnapshotFigure> {
  const path = join(dir, 'graph.snapshot');
  const save: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await saveSnapshot(graph, path);
    save.push(performance.now() - t0);
    t0 = performance.now();
    const g = await loadSnapshot(path);
    load.push(performance.now() - t0);
    if (g.pairCount !== graph.pairCount || g.nodeCount !== graph.nodeCount)
      throw new Error('snapshot reload differs from the graph');
  }
  const bytes = statSync(path).size;
  await rm(path, { force: true });
  return { saveMs: median(save), loadMs: median(load), bytes };
}
