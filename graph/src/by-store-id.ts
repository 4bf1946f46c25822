import type { GraphView } from './graph-view.js';

/** Re-indexes a per-internal-node Int32Array by store id (ids unknown to the view get `fill`). */
export function int32ByStoreId(view: GraphView, values: Int32Array, fill = -1): Int32Array {
  const out = new Int32Array(view.externalSpan).fill(fill);
  for (let u = 0; u < values.length; u++) out[view.externalOf(u)] = values[u]!;
  return out;
}

/** Re-indexes a per-internal-node Float64Array by store id (ids unknown to the view get `fill`). */
export function float64ByStoreId(view: GraphView, values: Float64Array, fill = 0): Float64Array {
  const out = new Float64Array(view.externalSpan).fill(fill);
  for (let u = 0; u < values.length; u++) out[view.externalOf(u)] = values[u]!;
  return out;
}
