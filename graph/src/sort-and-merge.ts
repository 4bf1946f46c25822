import { prefixSums } from './pair-rows.js';
import { sharedInt32, sharedUint8, sharedUint32 } from './shared-arrays.js';
import type { EdgeBatch } from './types.js';

/**
 * Any input → one batch sorted by (source, target), self-pairs dropped and repeated pairs merged
 * (sum, min, max, or): a scatter by target, then a stable scatter by source. Returns the
 * out-degrees after merging. The batch is on SharedArrayBuffers, for a helper thread.
 */
export function sortAndMerge(
  n: number,
  batches: readonly EdgeBatch[],
  m: number,
): { batch: EdgeBatch; outDegree: Int32Array } {
  const inDegree = new Int32Array(n);
  for (const b of batches)
    for (let i = 0; i < b.length; i++) if (b.src[i] !== b.dst[i]) inDegree[b.dst[i]!]!++;
  const byTarget = prefixSums(inDegree, new Int32Array(n + 1));
  const cursor = byTarget.slice(0, n);
  const s1 = new Int32Array(m);
  const w1 = new Uint32Array(m);
  const f1 = new Uint32Array(m);
  const l1 = new Uint32Array(m);
  const t1 = new Uint8Array(m);
  const outDegree = new Int32Array(n);
  for (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const s = b.src[i]!;
      const d = b.dst[i]!;
      if (s === d) continue;
      const p = cursor[d]!++;
      s1[p] = s;
      w1[p] = b.weight[i]!;
      f1[p] = b.first[i]!;
      l1[p] = b.last[i]!;
      t1[p] = b.typeMask[i]!;
      outDegree[s]!++;
    }
  }
  const bySource = prefixSums(outDegree, new Int32Array(n + 1));
  cursor.set(bySource.subarray(0, n));
  const out: EdgeBatch = {
    length: m,
    src: sharedInt32(m),
    dst: sharedInt32(m),
    weight: sharedUint32(m),
    first: sharedUint32(m),
    last: sharedUint32(m),
    typeMask: sharedUint8(m),
  };
  for (let d = 0; d < n; d++) {
    for (let p = byTarget[d]!, end = byTarget[d + 1]!; p < end; p++) {
      const s = s1[p]!;
      const q = cursor[s]!++;
      out.src[q] = s;
      out.dst[q] = d;
      out.weight[q] = w1[p]!;
      out.first[q] = f1[p]!;
      out.last[q] = l1[p]!;
      out.typeMask[q] = t1[p]!;
    }
  }
  // Repeated pairs are now adjacent: merge them, compacting in place.
  let k = 0;
  for (let q = 0; q < m; q++) {
    if (k > 0 && out.src[q] === out.src[k - 1] && out.dst[q] === out.dst[k - 1]) {
      const j = k - 1;
      out.weight[j] = out.weight[j]! + out.weight[q]!;
      if (out.first[q]! < out.first[j]!) out.first[j] = out.first[q]!;
      if (out.last[q]! > out.last[j]!) out.last[j] = out.last[q]!;
      out.typeMask[j] = out.typeMask[j]! | out.typeMask[q]!;
      outDegree[out.src[q]!]!--;
    } else {
      out.src[k] = out.src[q]!;
      out.dst[k] = out.dst[q]!;
      out.weight[k] = out.weight[q]!;
      out.first[k] = out.first[q]!;
      out.last[k] = out.last[q]!;
      out.typeMask[k] = out.typeMask[q]!;
      k++;
    }
  }
  out.length = k;
  return { batch: out, outDegree };
}
