import type { Direction, Scope } from './types.js';

/**
 * A {@link Scope} compiled to plain numbers, checked on every edge in the hot loops.
 * `out`/`in` say which adjacency to follow from a node.
 */
export interface EdgeFilter {
  readonly out: boolean;
  readonly in: boolean;
  readonly from: number;
  readonly to: number;
  readonly minEvents: number;
  readonly types: number;
  readonly excludeHighDegree: boolean;
  /** True when time, weight and type conditions pass every edge (hot loops skip reading them). */
  readonly trivial: boolean;
}

const MAX_U32 = 0xffffffff;

/** Compiles a scope into an edge filter (default: both directions, everything passes). */
export function compileScope(scope: Scope = {}): EdgeFilter {
  const direction: Direction = scope.direction ?? 'both';
  const from = scope.from ?? 0;
  const to = scope.to ?? MAX_U32;
  const minEvents = scope.minEvents ?? 0;
  const types = scope.types ?? 0xff;
  return {
    out: direction !== 'in',
    in: direction !== 'out',
    from,
    to,
    minEvents,
    types,
    excludeHighDegree: scope.excludeHighDegree ?? false,
    trivial: from <= 0 && to >= MAX_U32 && minEvents <= 0 && (types & 0xff) === 0xff,
  };
}

/** The same filter followed backwards (used by searches that walk from the target). */
export function reverseFilter(f: EdgeFilter): EdgeFilter {
  return { ...f, out: f.in, in: f.out };
}

/**
 * True when a pair's own data pass the filter: weight ≥ minEvents, [first, last] overlaps
 * [from, to] (pair-level: a pair whose span overlaps the window is kept even if none of its
 * events falls inside it — event-exact windows need the store), and a shared type bit.
 */
export function edgePasses(f: EdgeFilter, weight: number, first: number, last: number, typeMask: number) {
  return (
    weight >= f.minEvents &&
    last >= f.from &&
    first <= f.to &&
    ((typeMask & f.types) !== 0 || f.types === 0xff)
  );
}
