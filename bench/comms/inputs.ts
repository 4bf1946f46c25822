import { type ContactGraph, createRng, randomInt } from '#graph/index';

export const PERCENTILES = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p99', 0.99],
  ['max', 1],
] as const;
export type PercentileLabel = (typeof PERCENTILES)[number][0];

/** The fixed query inputs of a run, all as store ids. */
export interface QueryInputs {
  seeds: Record<PercentileLabel, { id: number; degree: number }>;
  /** Random (source, target) pairs for shortest paths. */
  pairs: [number, number][];
  /** "New" numbers to cross-match against the watchlist. */
  newNumbers: number[];
  watchlist: number[];
  /** Store ids flagged high-degree by the graph (the watchlist excludes them as intermediaries). */
  highDegree: number[];
}

/**
 * Seeds by degree percentile (degree = directed pairs touching the node; ties broken by store id,
 * which the store assigns in number order, so the choice is stable for a seed and size), and
 * seeded random pairs, new numbers and a watchlist of distinct numbers.
 */
export function chooseInputs(
  graph: ContactGraph,
  seed: number,
  counts = { pairs: 100, newNumbers: 20, watchlist: 20_000 },
): QueryInputs {
  const n = graph.nodeCount;
  const keys = new Float64Array(n);
  const span = graph.externalSpan;
  for (let u = 0; u < n; u++) keys[u] = graph.degree(u) * span + graph.externalOf(u);
  keys.sort();
  const seeds = {} as QueryInputs['seeds'];
  for (const [label, p] of PERCENTILES) {
    const k = keys[Math.floor(p * (n - 1))]!;
    seeds[label] = { id: k % span, degree: Math.floor(k / span) };
  }
  const rng = createRng(seed);
  const anyNode = () => graph.externalOf(randomInt(rng, n));
  const pairs: [number, number][] = [];
  while (pairs.length < counts.pairs) {
    const s = anyNode();
    const t = anyNode();
    if (s !== t) pairs.push([s, t]);
  }
  const distinct = (count: number, not: Set<number>) => {
    const out = new Set<number>();
    while (out.size < Math.min(count, n - not.size)) {
      const x = anyNode();
      if (!not.has(x)) out.add(x);
    }
    return [...out];
  };
  const watchlist = distinct(counts.watchlist, new Set());
  const newNumbers = distinct(counts.newNumbers, new Set(watchlist));
  const highDegree: number[] = [];
  for (let u = 0; u < n; u++) if (graph.isHighDegree(u)) highDegree.push(graph.externalOf(u));
  return { seeds, pairs, newNumbers, watchlist, highDegree };
}
