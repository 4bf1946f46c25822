import { ContactGraph, type ContactGraphArrays } from './contact-graph.js';
import { DeltaGraph } from './delta-graph.js';
import type { GraphView } from './graph-view.js';
import { loadSnapshot } from './snapshot.js';
import type { EdgeBatch } from './types.js';

/**
 * How a worker gets the graph: a snapshot path, or the graph's SharedArrayBuffer-backed arrays
 * (shared, not copied) plus an optional delta batch (copied; it is small).
 */
export type GraphSource =
  | { snapshotPath: string; delta?: EdgeBatch }
  | { arrays: ContactGraphArrays; delta?: EdgeBatch };

/** The source describing a graph or graph + delta for {@link runInWorker}. */
export function graphSource(view: ContactGraph | DeltaGraph): GraphSource {
  if (view instanceof DeltaGraph) return { arrays: view.base.arrays, delta: view.deltaBatch() };
  return { arrays: view.arrays };
}

/** Opens a source on the worker's side. */
export async function openGraphSource(source: GraphSource): Promise<GraphView> {
  const base =
    'snapshotPath' in source ? await loadSnapshot(source.snapshotPath) : new ContactGraph(source.arrays);
  if (!source.delta || source.delta.length === 0) return base;
  const delta = new DeltaGraph(base);
  delta.addBatch(source.delta);
  return delta;
}
