import type { GraphView } from './graph-view.js';

/** Store ids split into internal ids the view knows (deduplicated, in order) and unknown ones. */
export function resolveSeeds(
  view: GraphView,
  externals: readonly number[],
): { internal: number[]; unknown: number[] } {
  const internal: number[] = [];
  const unknown: number[] = [];
  const seen = new Set<number>();
  for (const x of externals) {
    const u = view.internalOf(x);
    if (u < 0) unknown.push(x);
    else if (!seen.has(u)) {
      seen.add(u);
      internal.push(u);
    }
  }
  return { internal, unknown };
}
