import type { BuildOptions } from './csr-builder.js';
import { CsrBuilder } from './csr-builder.js';
import type { ContactGraph } from './contact-graph.js';
import type { EdgeBatch } from './types.js';

/**
 * Copies a batch with both ends remapped through `mapping` (dataset id → shared id), e.g. from
 * one dataset's numbers dictionary into a cross-dataset dictionary. Rows whose id maps to a
 * negative value are dropped (a number outside the authorised scope).
 */
export function remapBatch(batch: EdgeBatch, mapping: Int32Array): EdgeBatch {
  const keep: number[] = [];
  for (let i = 0; i < batch.length; i++) {
    if (mapping[batch.src[i]!]! >= 0 && mapping[batch.dst[i]!]! >= 0) keep.push(i);
  }
  const out = allocBatch(keep.length);
  for (let k = 0; k < keep.length; k++) {
    const i = keep[k]!;
    out.src[k] = mapping[batch.src[i]!]!;
    out.dst[k] = mapping[batch.dst[i]!]!;
    out.weight[k] = batch.weight[i]!;
    out.first[k] = batch.first[i]!;
    out.last[k] = batch.last[i]!;
    out.typeMask[k] = batch.typeMask[i]!;
  }
  return out;
}

/** An empty batch of `length` rows. */
export function allocBatch(length: number): EdgeBatch {
  return {
    length,
    src: new Int32Array(length),
    dst: new Int32Array(length),
    weight: new Uint32Array(length),
    first: new Uint32Array(length),
    last: new Uint32Array(length),
    typeMask: new Uint8Array(length),
  };
}

/** The pairs of a graph as batches in store ids (for merging, rebuilding or shipping). */
export function* graphToBatches(graph: ContactGraph, batchSize = 65536): Generator<EdgeBatch> {
  let batch = allocBatch(Math.min(batchSize, graph.pairCount));
  let k = 0;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.outOffsets[u]!, end = graph.outOffsets[u + 1]!; e < end; e++) {
      batch.src[k] = graph.toExternal[u]!;
      batch.dst[k] = graph.toExternal[graph.outTargets[e]!]!;
      batch.weight[k] = graph.weight[e]!;
      batch.first[k] = graph.first[e]!;
      batch.last[k] = graph.last[e]!;
      batch.typeMask[k] = graph.typeMask[e]!;
      if (++k === batch.src.length) {
        yield batch;
        batch = allocBatch(batch.src.length);
        k = 0;
      }
    }
  }
  if (k > 0) yield { ...batch, length: k };
}

/**
 * Union of several graphs (one per dataset) in a shared id space of `nodeCount` ids.
 * `mappings[i][storeId]` is the shared id of graph i's store id (negative = leave out).
 * A pair present in several graphs is merged (weights summed, first = min, last = max).
 */
export function mergeGraphs(
  graphs: readonly ContactGraph[],
  mappings: readonly Int32Array[],
  nodeCount: number,
  options?: BuildOptions,
): ContactGraph {
  const builder = new CsrBuilder(nodeCount, options);
  graphs.forEach((g, i) => {
    const mapping = mappings[i];
    if (!mapping) throw new RangeError(`no id mapping for graph ${i}`);
    for (const b of graphToBatches(g)) builder.add(remapBatch(b, mapping));
  });
  return builder.finish();
}
