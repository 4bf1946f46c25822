/** How high-degree nodes (call centres, voicemail) are flagged. */
export interface HighDegreeOptions {
  /** Nodes with degree above this are always flagged (default 5000). */
  maxDegree?: number;
  /** The top fraction of nodes by degree is flagged too (default 0.0001 = top 0.01%)… */
  topFraction?: number;
  /** …but only when their degree is at least this (default 100), so small graphs flag nothing. */
  topMinDegree?: number;
}

/**
 * Computes the high-degree bit set and the threshold used. Degree = out + in pairs.
 * Rule: flagged iff degree > min(maxDegree, t) where t is the smallest degree that keeps the
 * flagged set within the top `topFraction` of nodes, floored at `topMinDegree` - 1.
 */
export function flagHighDegree(
  outOffsets: Int32Array,
  inOffsets: Int32Array,
  bits: Uint32Array,
  options: HighDegreeOptions = {},
): number {
  const n = outOffsets.length - 1;
  const maxDegree = options.maxDegree ?? 5000;
  const topFraction = options.topFraction ?? 1e-4;
  const topMinDegree = options.topMinDegree ?? 100;
  const allowed = Math.floor(n * topFraction);
  // Histogram of degrees capped at maxDegree+1: everything above maxDegree is flagged anyway.
  const hist = new Float64Array(maxDegree + 2);
  for (let u = 0; u < n; u++) {
    const d = outOffsets[u + 1]! - outOffsets[u]! + inOffsets[u + 1]! - inOffsets[u]!;
    hist[Math.min(d, maxDegree + 1)]!++;
  }
  // Lowest threshold th (flag degree > th) keeping count(degree > th) ≤ allowed.
  let threshold = maxDegree;
  let above = hist[maxDegree + 1]!;
  for (let th = maxDegree - 1; th >= topMinDegree - 1 && th >= 0; th--) {
    above += hist[th + 1]!;
    if (above > allowed) break;
    threshold = th;
  }
  bits.fill(0);
  for (let u = 0; u < n; u++) {
    const d = outOffsets[u + 1]! - outOffsets[u]! + inOffsets[u + 1]! - inOffsets[u]!;
    if (d > threshold) bits[u >>> 5]! |= 1 << (u & 31);
  }
  return threshold;
}
