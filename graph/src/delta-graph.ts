import type { ContactGraph } from './contact-graph.js';
import { CsrBuilder } from './csr-builder.js';
import { type EdgeFilter, edgePasses } from './edge-filter.js';
import type { GraphView, NeighborVisitor } from './graph-view.js';
import type { NeighborBuffer } from './neighbor-buffer.js';
import { allocBatch, graphToBatches } from './merge-graphs.js';
import { ScratchPool } from './scratch-pool.js';
import type { EdgeBatch, EdgeEvidence } from './types.js';

/**
 * A snapshot graph plus a small overlay of pairs that arrived after it, merged at query time.
 * A delta pair that also exists in the base is presented as one pair: weights summed (the delta
 * holds new events only), first = min, last = max, type masks OR-ed — exactly what a rebuild
 * would give. New store ids get internal ids after the base's. Meant for thousands to a few
 * million pairs; call {@link DeltaGraph.compact} to fold it into a new CSR.
 */
export class DeltaGraph implements GraphView {
  readonly scratch: ScratchPool;
  private readonly extraExternal: number[] = [];
  private readonly extraInternal = new Map<number, number>();
  private readonly rows = { w: [] as number[], f: [] as number[], l: [] as number[], t: [] as number[] };
  private readonly inBase: boolean[] = [];
  private readonly outMap = new Map<number, Map<number, number>>();
  private readonly inMap = new Map<number, Map<number, number>>();
  private readonly onlyDegree = new Map<number, number>();
  private span: number;

  constructor(readonly base: ContactGraph) {
    this.scratch = new ScratchPool(() => this.nodeCount);
    this.span = base.externalSpan;
  }

  get externalSpan(): number {
    return this.span;
  }

  get nodeCount(): number {
    return this.base.nodeCount + this.extraExternal.length;
  }

  /** Distinct pairs held in the overlay. */
  get deltaPairCount(): number {
    return this.inBase.length;
  }

  /** Adds every row of a batch (store ids; ids beyond the base become new nodes). */
  addBatch(batch: EdgeBatch): void {
    for (let i = 0; i < batch.length; i++) {
      this.addPair(
        batch.src[i]!,
        batch.dst[i]!,
        batch.weight[i]!,
        batch.first[i]!,
        batch.last[i]!,
        batch.typeMask[i]!,
      );
    }
  }

  /** Adds new events of the pair src → dst (store ids). Self-pairs are ignored like in the builder. */
  addPair(src: number, dst: number, weight: number, first: number, last: number, typeMask: number): void {
    if (src === dst) return;
    const u = this.ensureNode(src);
    const v = this.ensureNode(dst);
    const { w, f, l, t } = this.rows;
    const existing = this.outMap.get(u)?.get(v);
    if (existing !== undefined) {
      w[existing] = w[existing]! + weight;
      f[existing] = Math.min(f[existing]!, first);
      l[existing] = Math.max(l[existing]!, last);
      t[existing] = t[existing]! | typeMask;
      return;
    }
    const d = this.inBase.length;
    w.push(weight);
    f.push(first);
    l.push(last);
    t.push(typeMask);
    const baseN = this.base.nodeCount;
    const inBase = u < baseN && v < baseN && this.base.edgeId(u, v) >= 0;
    this.inBase.push(inBase);
    mapOf(this.outMap, u).set(v, d);
    mapOf(this.inMap, v).set(u, d);
    if (!inBase) {
      this.onlyDegree.set(u, (this.onlyDegree.get(u) ?? 0) + 1);
      this.onlyDegree.set(v, (this.onlyDegree.get(v) ?? 0) + 1);
    }
  }

  private ensureNode(external: number): number {
    const u = this.internalOf(external);
    if (u >= 0) return u;
    const id = this.base.nodeCount + this.extraExternal.length;
    this.extraExternal.push(external);
    this.extraInternal.set(external, id);
    this.span = Math.max(this.span, external + 1);
    return id;
  }

  internalOf(external: number): number {
    const u = this.base.internalOf(external);
    return u >= 0 ? u : (this.extraInternal.get(external) ?? -1);
  }

  externalOf(internal: number): number {
    const baseN = this.base.nodeCount;
    return internal < baseN ? this.base.externalOf(internal) : this.extraExternal[internal - baseN]!;
  }

  degree(u: number): number {
    const b = u < this.base.nodeCount ? this.base.degree(u) : 0;
    return b + (this.onlyDegree.get(u) ?? 0);
  }

  /** Base flags for base nodes; a new node is flagged when its degree passes the base threshold. */
  isHighDegree(u: number): boolean {
    if (u < this.base.nodeCount) return this.base.isHighDegree(u);
    return this.degree(u) > this.base.highDegreeThreshold;
  }

  forEachNeighbor(u: number, f: EdgeFilter, visit: NeighborVisitor): void {
    const outD = this.outMap.get(u);
    const inD = this.inMap.get(u);
    const isBase = u < this.base.nodeCount;
    if (isBase && !outD && !inD) {
      this.base.forEachNeighbor(u, f, visit);
      return;
    }
    if (f.out) this.side(u, isBase, outD, f, visit, true);
    if (f.in) this.side(u, isBase, inD, f, visit, false);
  }

  neighbors(u: number, f: EdgeFilter, buf: NeighborBuffer): number {
    if (u < this.base.nodeCount && !this.outMap.has(u) && !this.inMap.has(u))
      return this.base.neighbors(u, f, buf);
    buf.ensure(this.degree(u));
    let k = 0;
    this.forEachNeighbor(u, f, (v, w, fi, la, t, out) => {
      if (buf.withData) {
        buf.weight[k] = w;
        buf.first[k] = fi;
        buf.last[k] = la;
        buf.typeMask[k] = t;
        buf.outgoing[k] = out ? 1 : 0;
      }
      buf.node[k++] = v;
    });
    return k;
  }

  private side(
    u: number,
    isBase: boolean,
    delta: Map<number, number> | undefined,
    f: EdgeFilter,
    visit: NeighborVisitor,
    outgoing: boolean,
  ): void {
    const g = this.base;
    const { w: dw, f: df, l: dl, t: dt } = this.rows;
    const hd = f.excludeHighDegree;
    if (isBase) {
      const offs = outgoing ? g.outOffsets : g.inOffsets;
      for (let j = offs[u]!, end = offs[u + 1]!; j < end; j++) {
        const v = outgoing ? g.outTargets[j]! : g.inSources[j]!;
        const e = outgoing ? j : g.inEdges[j]!;
        if (hd && this.isHighDegree(v)) continue;
        let w = g.weight[e]!;
        let fi = g.first[e]!;
        let la = g.last[e]!;
        let t = g.typeMask[e]!;
        const d = delta?.get(v);
        if (d !== undefined) {
          w += dw[d]!;
          fi = Math.min(fi, df[d]!);
          la = Math.max(la, dl[d]!);
          t |= dt[d]!;
        }
        if (edgePasses(f, w, fi, la, t)) visit(v, w, fi, la, t, outgoing);
      }
    }
    if (!delta) return;
    for (const [v, d] of delta) {
      if (this.inBase[d] || (hd && this.isHighDegree(v))) continue;
      if (edgePasses(f, dw[d]!, df[d]!, dl[d]!, dt[d]!)) visit(v, dw[d]!, df[d]!, dl[d]!, dt[d]!, outgoing);
    }
  }

  findEdge(u: number, v: number): EdgeEvidence | null {
    const baseN = this.base.nodeCount;
    const b = u < baseN && v < baseN ? this.base.findEdge(u, v) : null;
    const d = this.outMap.get(u)?.get(v);
    if (d === undefined) return b;
    const { w, f, l, t } = this.rows;
    const source = this.externalOf(u);
    const target = this.externalOf(v);
    if (!b) return { source, target, weight: w[d]!, first: f[d]!, last: l[d]!, typeMask: t[d]! };
    return {
      source,
      target,
      weight: b.weight + w[d]!,
      first: Math.min(b.first, f[d]!),
      last: Math.max(b.last, l[d]!),
      typeMask: b.typeMask | t[d]!,
    };
  }

  /** The overlay's pairs as one batch in store ids. */
  deltaBatch(): EdgeBatch {
    const b = allocBatch(this.inBase.length);
    for (const [u, row] of this.outMap) {
      for (const [v, d] of row) {
        b.src[d] = this.externalOf(u);
        b.dst[d] = this.externalOf(v);
        b.weight[d] = this.rows.w[d]!;
        b.first[d] = this.rows.f[d]!;
        b.last[d] = this.rows.l[d]!;
        b.typeMask[d] = this.rows.t[d]!;
      }
    }
    return b;
  }

  /** Folds base and overlay into a new CSR over store ids 0..nodeCount-1 (default: max id + 1). */
  compact(nodeCount?: number): ContactGraph {
    const builder = new CsrBuilder(nodeCount ?? this.span);
    for (const b of graphToBatches(this.base)) builder.add(b);
    builder.add(this.deltaBatch());
    return builder.finish();
  }
}

function mapOf(m: Map<number, Map<number, number>>, k: number): Map<number, number> {
  let x = m.get(k);
  if (!x) {
    x = new Map();
    m.set(k, x);
  }
  return x;
}
