import type { EdgeFilter } from './edge-filter.js';
import type { NeighborBuffer } from './neighbor-buffer.js';
import type { ScratchPool } from './scratch-pool.js';
import type { EdgeEvidence } from './types.js';

/**
 * Called once per neighbour edge that passes the filter. `outgoing` is true when the stored pair
 * is u → v (u called v) and false when it is v → u. With direction `both`, a reciprocal pair
 * calls twice for the same v (once per direction).
 */
export type NeighborVisitor = (
  v: number,
  weight: number,
  first: number,
  last: number,
  typeMask: number,
  outgoing: boolean,
) => void;

/**
 * What every analysis reads: a plain {@link ContactGraph} or a graph plus a delta overlay.
 * Node ids here are internal (dense 0..nodeCount-1); analyses convert at their boundary.
 */
export interface GraphView {
  readonly nodeCount: number;
  /** One more than the largest store id the view knows: length of per-node results by store id. */
  readonly externalSpan: number;
  /** Internal id of a store id, or -1 when the graph does not know it. */
  internalOf(external: number): number;
  /** Store id of an internal id. */
  externalOf(internal: number): number;
  isHighDegree(u: number): boolean;
  /** Number of stored pairs touching u (out + in). */
  degree(u: number): number;
  forEachNeighbor(u: number, filter: EdgeFilter, visit: NeighborVisitor): void;
  /**
   * Writes the neighbours of u passing the filter into `buf` (with edge data when
   * `buf.withData`) and returns their count; same order and multiplicity as forEachNeighbor.
   * The fast path for traversals.
   */
  neighbors(u: number, filter: EdgeFilter, buf: NeighborBuffer): number;
  /** The stored pair u → v (internal ids) as evidence in store ids, or null. */
  findEdge(u: number, v: number): EdgeEvidence | null;
  /** Reusable buffers for traversals over this view. */
  readonly scratch: ScratchPool;
}
