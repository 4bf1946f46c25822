/**
 * A growable buffer a view fills with the neighbours of one node (see GraphView.neighbors):
 * node[i] for i < count, and — only when `withData` — the pair's weight, first, last, type mask
 * and direction (1 = u → v stored). Filling a buffer in a tight loop and then reading it is several
 * times faster than a callback per edge once call sites become polymorphic.
 */
export class NeighborBuffer {
  node = new Int32Array(64);
  weight = new Uint32Array(0);
  first = new Uint32Array(0);
  last = new Uint32Array(0);
  typeMask = new Uint8Array(0);
  outgoing = new Uint8Array(0);

  constructor(readonly withData = false) {
    if (withData) this.grow(64);
  }

  /** Makes room for `capacity` entries (keeps nothing: callers fill from 0). */
  ensure(capacity: number): void {
    if (capacity > this.node.length) this.grow(Math.max(capacity, this.node.length * 2));
  }

  private grow(capacity: number): void {
    this.node = new Int32Array(capacity);
    if (!this.withData) return;
    this.weight = new Uint32Array(capacity);
    this.first = new Uint32Array(capacity);
    this.last = new Uint32Array(capacity);
    this.typeMask = new Uint8Array(capacity);
    this.outgoing = new Uint8Array(capacity);
  }
}
