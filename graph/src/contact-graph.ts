import { type EdgeFilter, edgePasses } from './edge-filter.js';
import type { GraphView, NeighborVisitor } from './graph-view.js';
import type { NeighborBuffer } from './neighbor-buffer.js';
import { ScratchPool } from './scratch-pool.js';
import type { EdgeEvidence } from './types.js';

/**
 * The raw arrays of a contact graph (all on SharedArrayBuffer when built or loaded here).
 * Out-CSR: pairs of node u are edge ids outOffsets[u]..outOffsets[u+1]-1, sorted by target;
 * weight/first/last/typeMask are parallel to outTargets. In-CSR: for node v, inSources[j] called
 * v through edge inEdges[j] (an out-edge id), sorted by source.
 */
export interface ContactGraphArrays {
  nodeCount: number;
  pairCount: number;
  /** Degree above which a node counts as high-degree (see high-degree.ts). */
  highDegreeThreshold: number;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  weight: Uint32Array;
  first: Uint32Array;
  last: Uint32Array;
  typeMask: Uint8Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  inEdges: Int32Array;
  /** internal id → store id. */
  toExternal: Int32Array;
  /** store id → internal id. */
  toInternal: Int32Array;
  /** Bit per internal node: flagged high-degree. */
  highDegree: Uint32Array;
}

/** An immutable CSR contact graph with in and out adjacency, relabelled in BFS order. */
export class ContactGraph implements GraphView {
  readonly nodeCount: number;
  readonly pairCount: number;
  readonly scratch: ScratchPool;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly weight: Uint32Array;
  readonly first: Uint32Array;
  readonly last: Uint32Array;
  readonly typeMask: Uint8Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inEdges: Int32Array;
  readonly toExternal: Int32Array;
  readonly toInternal: Int32Array;
  readonly highDegree: Uint32Array;
  readonly highDegreeThreshold: number;

  constructor(readonly arrays: ContactGraphArrays) {
    this.nodeCount = arrays.nodeCount;
    this.pairCount = arrays.pairCount;
    this.outOffsets = arrays.outOffsets;
    this.outTargets = arrays.outTargets;
    this.weight = arrays.weight;
    this.first = arrays.first;
    this.last = arrays.last;
    this.typeMask = arrays.typeMask;
    this.inOffsets = arrays.inOffsets;
    this.inSources = arrays.inSources;
    this.inEdges = arrays.inEdges;
    this.toExternal = arrays.toExternal;
    this.toInternal = arrays.toInternal;
    this.highDegree = arrays.highDegree;
    this.highDegreeThreshold = arrays.highDegreeThreshold;
    this.scratch = new ScratchPool(() => this.nodeCount);
  }

  get externalSpan(): number {
    return this.toInternal.length;
  }

  internalOf(external: number): number {
    if (!(external >= 0 && external < this.toInternal.length)) return -1;
    return this.toInternal[external]!;
  }

  externalOf(internal: number): number {
    return this.toExternal[internal]!;
  }

  isHighDegree(u: number): boolean {
    return ((this.highDegree[u >>> 5]! >>> (u & 31)) & 1) === 1;
  }

  outDegree(u: number): number {
    return this.outOffsets[u + 1]! - this.outOffsets[u]!;
  }

  inDegree(u: number): number {
    return this.inOffsets[u + 1]! - this.inOffsets[u]!;
  }

  degree(u: number): number {
    return this.outDegree(u) + this.inDegree(u);
  }

  forEachNeighbor(u: number, f: EdgeFilter, visit: NeighborVisitor): void {
    const hd = f.excludeHighDegree;
    if (f.out) {
      const targets = this.outTargets;
      for (let e = this.outOffsets[u]!, end = this.outOffsets[u + 1]!; e < end; e++) {
        const v = targets[e]!;
        if (hd && this.isHighDegree(v)) continue;
        const w = this.weight[e]!;
        const fi = this.first[e]!;
        const la = this.last[e]!;
        const t = this.typeMask[e]!;
        if (edgePasses(f, w, fi, la, t)) visit(v, w, fi, la, t, true);
      }
    }
    if (f.in) {
      const sources = this.inSources;
      for (let j = this.inOffsets[u]!, end = this.inOffsets[u + 1]!; j < end; j++) {
        const v = sources[j]!;
        if (hd && this.isHighDegree(v)) continue;
        const e = this.inEdges[j]!;
        const w = this.weight[e]!;
        const fi = this.first[e]!;
        const la = this.last[e]!;
        const t = this.typeMask[e]!;
        if (edgePasses(f, w, fi, la, t)) visit(v, w, fi, la, t, false);
      }
    }
  }

  neighbors(u: number, f: EdgeFilter, buf: NeighborBuffer): number {
    const oa = this.outOffsets[u]!;
    const ob = this.outOffsets[u + 1]!;
    const ia = this.inOffsets[u]!;
    const ib = this.inOffsets[u + 1]!;
    buf.ensure((f.out ? ob - oa : 0) + (f.in ? ib - ia : 0));
    const nodes = buf.node;
    const hd = f.excludeHighDegree;
    const flags = this.highDegree;
    let k = 0;
    if (f.trivial && !hd && !buf.withData) {
      if (f.out) for (let e = oa; e < ob; e++) nodes[k++] = this.outTargets[e]!;
      if (f.in) for (let j = ia; j < ib; j++) nodes[k++] = this.inSources[j]!;
      return k;
    }
    for (let side = 0; side < 2; side++) {
      const out = side === 0;
      if (out ? !f.out : !f.in) continue;
      const list = out ? this.outTargets : this.inSources;
      for (let j = out ? oa : ia, end = out ? ob : ib; j < end; j++) {
        const v = list[j]!;
        if (hd && ((flags[v >>> 5]! >>> (v & 31)) & 1) === 1) continue;
        const e = out ? j : this.inEdges[j]!;
        if (!f.trivial && !edgePasses(f, this.weight[e]!, this.first[e]!, this.last[e]!, this.typeMask[e]!))
          continue;
        if (buf.withData) {
          buf.weight[k] = this.weight[e]!;
          buf.first[k] = this.first[e]!;
          buf.last[k] = this.last[e]!;
          buf.typeMask[k] = this.typeMask[e]!;
          buf.outgoing[k] = out ? 1 : 0;
        }
        nodes[k++] = v;
      }
    }
    return k;
  }

  /** Out-edge id of the pair u → v (binary search in u's sorted row), or -1. */
  edgeId(u: number, v: number): number {
    let lo = this.outOffsets[u]!;
    let hi = this.outOffsets[u + 1]! - 1;
    const t = this.outTargets;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = t[mid]!;
      if (x === v) return mid;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  findEdge(u: number, v: number): EdgeEvidence | null {
    const e = this.edgeId(u, v);
    if (e < 0) return null;
    return {
      source: this.toExternal[u]!,
      target: this.toExternal[v]!,
      weight: this.weight[e]!,
      first: this.first[e]!,
      last: this.last[e]!,
      typeMask: this.typeMask[e]!,
    };
  }

  /** Bytes held by the graph's arrays (CSR both ways, weights, times, types, permutations, flags). */
  memoryBytes(): number {
    const a = this.arrays;
    return [
      a.outOffsets,
      a.outTargets,
      a.weight,
      a.first,
      a.last,
      a.typeMask,
      a.inOffsets,
      a.inSources,
      a.inEdges,
      a.toExternal,
      a.toInternal,
      a.highDegree,
    ].reduce((s, x) => s + x.byteLength, 0);
  }

  /** {@link memoryBytes} divided by the number of directed pairs. */
  bytesPerPair(): number {
    return this.pairCount === 0 ? 0 : this.memoryBytes() / this.pairCount;
  }
}
