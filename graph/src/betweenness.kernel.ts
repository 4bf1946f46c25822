import { brandesAccumulate } from './brandes-core.js';
import { float64ByStoreId } from './by-store-id.js';
import { type CentralityOptions, centralityProjection } from './centrality.kernel.js';
import type { GraphView } from './graph-view.js';
import { createRng } from './prng.js';

/** Options of {@link betweenness}. */
export interface BetweennessOptions extends CentralityOptions {
  /** Exact Brandes up to this many nodes (default 50,000), sampled beyond. */
  exactLimit?: number;
  /** Number of random pivots when sampling (default 256). */
  samples?: number;
  seed?: number;
  /** Confidence of the stated bound (default 0.95). */
  confidence?: number;
}

/** Error statement of a sampled run. */
export interface BetweennessError {
  method: 'pivot-sampling-hoeffding';
  /** With probability ≥ confidence, every node's normalised betweenness is within ±epsilon. */
  epsilon: number;
  confidence: number;
  /** epsilon in raw betweenness units (epsilon × normalisation). */
  absoluteBound: number;
  /** Normaliser: (n−1)(n−2), halved for undirected graphs. */
  normalisation: number;
  /** Empirical standard error of each node's estimate, per store id. */
  standardError: Float64Array;
}

/** Betweenness centrality per store id; `error` is null when exact. */
export interface BetweennessResult {
  betweenness: Float64Array;
  exact: boolean;
  directed: boolean;
  nodes: number;
  pivots: number;
  error: BetweennessError | null;
}

/**
 * Betweenness centrality (Brandes 2001), unweighted shortest paths, under the scope's direction
 * (undirected for `both`, where each unordered pair counts once). Exact when the (sub)graph has
 * ≤ exactLimit nodes. Beyond that, k distinct pivots s are drawn with a seeded PRNG and
 * BC(v) ≈ (n/k) Σ_s δ_s(v) (Brandes–Pich), which is unbiased. Stated error (Hoeffding + union
 * bound over n nodes): each pivot term n·δ_s(v)/((n−1)(n−2)) lies in [0, n/(n−1)], so with
 * probability ≥ 1−α every normalised estimate is within ε = n/(n−1) · √(ln(2n/α) / (2k)).
 * The per-node standard error n·sd(δ_s(v))/√k is also returned.
 */
export function betweenness(view: GraphView, options: BetweennessOptions = {}): BetweennessResult {
  const g = centralityProjection(view, options, false);
  const n = g.n;
  const exact = n <= (options.exactLimit ?? 50_000);
  const k = exact ? n : Math.min(n, options.samples ?? 256);
  const pivots = new Int32Array(k);
  if (exact) for (let i = 0; i < n; i++) pivots[i] = i;
  else {
    // Partial Fisher–Yates: k distinct pivots.
    const rng = createRng(options.seed ?? 1);
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (n - i));
      pivots[i] = pool[j]!;
      pool[j] = pool[i]!;
    }
  }
  const { sum, sumSq } = brandesAccumulate(g, pivots);
  const half = g.directed ? 1 : 0.5;
  const scale = (exact ? 1 : n / k) * half;
  const bc = new Float64Array(view.nodeCount);
  const se = new Float64Array(view.nodeCount);
  for (let i = 0; i < n; i++) {
    bc[g.toView[i]!] = sum[i]! * scale;
    if (!exact) {
      const mean = sum[i]! / k;
      const variance = Math.max(0, sumSq[i]! / k - mean * mean) * (k / Math.max(1, k - 1));
      se[g.toView[i]!] = (n * half * Math.sqrt(variance)) / Math.sqrt(k);
    }
  }
  const result: BetweennessResult = {
    betweenness: float64ByStoreId(view, bc),
    exact,
    directed: g.directed,
    nodes: n,
    pivots: k,
    error: null,
  };
  if (!exact) {
    const alpha = 1 - (options.confidence ?? 0.95);
    const epsilon = (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / alpha) / (2 * k));
    const normalisation = (n - 1) * (n - 2) * half;
    result.error = {
      method: 'pivot-sampling-hoeffding',
      epsilon,
      confidence: 1 - alpha,
      absoluteBound: epsilon * normalisation,
      normalisation,
      standardError: float64ByStoreId(view, se),
    };
  }
  return result;
}
