/**
 * One batch of directed contact pairs as the DuckDB pairs table streams them.
 * Row i is the pair src[i] → dst[i] (caller → callee) with `weight` events seen between
 * `first` and `last` (UTC epoch seconds) and a bit mask of event types (see {@link EventType}).
 */
export interface EdgeBatch {
  length: number;
  src: Int32Array;
  dst: Int32Array;
  weight: Uint32Array;
  first: Uint32Array;
  last: Uint32Array;
  typeMask: Uint8Array;
}

/** Bits of `EdgeBatch.typeMask` and `Scope.types`. */
export const EventType = { voice: 1, sms: 2, data: 4, message: 8 } as const;

/** Which way edges are followed from a node: `out` = as caller, `in` = as callee. */
export type Direction = 'out' | 'in' | 'both';

/**
 * The authorised scope every analysis runs in. An edge (pair) passes when its weight is at least
 * `minEvents`, its [first, last] span overlaps [from, to], and its type mask shares a bit with
 * `types`. With `excludeHighDegree`, flagged high-degree nodes are never entered as neighbours
 * (a seed or an endpoint given explicitly is still used).
 */
export interface Scope {
  from?: number;
  to?: number;
  minEvents?: number;
  direction?: Direction;
  excludeHighDegree?: boolean;
  types?: number;
}

/** One directed pair as evidence, in the store's (external) ids: source called target. */
export interface EdgeEvidence {
  source: number;
  target: number;
  weight: number;
  first: number;
  last: number;
  typeMask: number;
}
