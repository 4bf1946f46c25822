import { Bitset } from './bitset.js';
import { NeighborBuffer } from './neighbor-buffer.js';

/** Columns written while traversing; no reset needed (always written before read). */
export interface TraversalColumns {
  parent: Int32Array;
  hop: Uint8Array;
  outgoing: Uint8Array;
  weight: Uint32Array;
  first: Uint32Array;
  last: Uint32Array;
  typeMask: Uint8Array;
}

/**
 * Buffers sized to the node count, reused between queries so a 2-hop query allocates nothing
 * proportional to the graph. Invariant on release: `visited` all clear, `dist`/`distB`/`parent`/`parentB`
 * all -1, `count` all 0 — each user resets exactly the entries it touched.
 */
export class Scratch {
  readonly visited: Bitset;
  readonly queue: Int32Array;
  /** Neighbour buffers: ids only, and ids with edge data. */
  readonly nb = new NeighborBuffer(false);
  readonly nbData = new NeighborBuffer(true);
  private _queueB?: Int32Array;
  private _columns?: TraversalColumns;
  private _parentB?: Int32Array;
  private _dist?: Int32Array;
  private _distB?: Int32Array;
  private _parent?: Int32Array;
  private _count?: Int32Array;
  private _edges?: Int32Array;

  constructor(readonly size: number) {
    this.visited = new Bitset(size);
    this.queue = new Int32Array(size);
  }

  /** Per-discovery columns (index = queue position) for traversals that return evidence. */
  get columns(): TraversalColumns {
    this._columns ??= {
      parent: new Int32Array(this.size),
      hop: new Uint8Array(this.size),
      outgoing: new Uint8Array(this.size),
      weight: new Uint32Array(this.size),
      first: new Uint32Array(this.size),
      last: new Uint32Array(this.size),
      typeMask: new Uint8Array(this.size),
    };
    return this._columns;
  }

  /** Per-discovery out-edge id (index = queue position), written by the CSR fast paths. */
  get edges(): Int32Array {
    this._edges ??= new Int32Array(this.size);
    return this._edges;
  }

  get queueB(): Int32Array {
    this._queueB ??= new Int32Array(this.size);
    return this._queueB;
  }

  get parentB(): Int32Array {
    this._parentB ??= new Int32Array(this.size).fill(-1);
    return this._parentB;
  }

  get dist(): Int32Array {
    this._dist ??= new Int32Array(this.size).fill(-1);
    return this._dist;
  }

  get distB(): Int32Array {
    this._distB ??= new Int32Array(this.size).fill(-1);
    return this._distB;
  }

  get parent(): Int32Array {
    this._parent ??= new Int32Array(this.size).fill(-1);
    return this._parent;
  }

  get count(): Int32Array {
    this._count ??= new Int32Array(this.size);
    return this._count;
  }
}

/** A small free list of {@link Scratch} buffers for one view (re-sized when the view grows). */
export class ScratchPool {
  private free: Scratch[] = [];

  constructor(private readonly sizeOf: () => number) {}

  /** Takes a scratch (creating one when none is free). Pair with {@link release}. */
  acquire(): Scratch {
    const size = this.sizeOf();
    let s = this.free.pop();
    while (s && s.size !== size) s = this.free.pop();
    return s ?? new Scratch(size);
  }

  /** Gives a scratch back; it must satisfy the reset invariant. */
  release(s: Scratch): void {
    if (s.size === this.sizeOf() && this.free.length < 4) this.free.push(s);
  }
}
