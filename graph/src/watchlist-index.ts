import { compileScope, type EdgeFilter, edgePasses, reverseFilter } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { NeighborBuffer } from './neighbor-buffer.js';
import type { Scope } from './types.js';

/** A caller's subject identifier (a person or case the watched number belongs to). */
export type SubjectId = number | string;

/** One watched number (store id) and the subject it belongs to. */
export interface WatchedNumber {
  node: number;
  subject: SubjectId;
}

/** A watched subject within reach of the queried number. `via` is the middle node at 2 hops. */
export interface WatchMatch {
  subject: SubjectId;
  watched: number;
  hops: 0 | 1 | 2;
  via: number | null;
}

/**
 * Standing watchlist index. For every node Y it stores the watched nodes W that Y touches
 * (W ∈ N(Y) under the scope), so "which subjects are within 2 hops of X" reads X's neighbours'
 * entries instead of scanning the watchlist: cost O(deg(X) + matches). Scope defaults to both
 * directions with high-degree nodes excluded as intermediaries (a call centre between X and W is
 * not a link); a high-degree W or X is still matched directly. Kept current with
 * {@link WatchlistIndex.addEdge} (after the edge is in the view) and {@link WatchlistIndex.addWatched}.
 */
export class WatchlistIndex {
  private readonly f: EdgeFilter;
  /** The scope without the high-degree rule (X and W themselves may be hubs). */
  private readonly fAll: EdgeFilter;
  private readonly nb = new NeighborBuffer(false);
  private readonly subjects = new Map<number, SubjectId[]>();
  private readonly offsets: Int32Array;
  private readonly entries: Int32Array;
  private readonly extra = new Map<number, number[]>();
  /** Watched store ids not yet in the view, indexed when a pair brings them in. */
  private readonly pending = new Map<number, SubjectId[]>();
  private scratch = new MatchScratch(0);

  private constructor(
    private readonly view: GraphView,
    scope: Scope,
    watched: readonly WatchedNumber[],
  ) {
    this.f = compileScope({ excludeHighDegree: true, ...scope });
    this.fAll = { ...this.f, excludeHighDegree: false };
    for (const { node, subject } of watched) {
      const w = view.internalOf(node);
      if (w >= 0) this.addSubject(w, subject);
      else this.pending.set(node, [...(this.pending.get(node) ?? []), subject]);
    }
    const n = view.nodeCount;
    const counts = new Int32Array(n + 1);
    this.forEachToucher(n, (y) => counts[y + 1]!++);
    for (let i = 0; i < n; i++) counts[i + 1] = counts[i + 1]! + counts[i]!;
    this.offsets = counts;
    this.entries = new Int32Array(counts[n]!);
    const cursor = counts.slice(0, n);
    this.forEachToucher(n, (y, w) => {
      this.entries[cursor[y]!++] = w;
    });
  }

  /** Builds the index over a view for a list of watched numbers (numbers not yet in the view are indexed when a pair brings them in). */
  static build(view: GraphView, watched: readonly WatchedNumber[], scope: Scope = {}): WatchlistIndex {
    return new WatchlistIndex(view, scope, watched);
  }

  /** Calls fn(y, w) once per (toucher y, watched w) pair, y deduplicated per w. */
  private forEachToucher(n: number, fn: (y: number, w: number) => void): void {
    const last = new Int32Array(n).fill(-1);
    const rf = reverseFilter({ ...this.f, excludeHighDegree: false });
    for (const w of this.subjects.keys()) {
      this.view.forEachNeighbor(w, rf, (y) => {
        if (last[y] === w || !this.usableMiddle(y)) return;
        last[y] = w;
        fn(y, w);
      });
    }
  }

  private usableMiddle(y: number): boolean {
    return !(this.f.excludeHighDegree && this.view.isHighDegree(y));
  }

  private addSubject(w: number, subject: SubjectId): boolean {
    const list = this.subjects.get(w);
    if (list) {
      if (!list.includes(subject)) list.push(subject);
      return false;
    }
    this.subjects.set(w, [subject]);
    return true;
  }

  private touches(y: number, w: number): boolean {
    if (y < this.offsets.length - 1) {
      for (let j = this.offsets[y]!, end = this.offsets[y + 1]!; j < end; j++)
        if (this.entries[j] === w) return true;
    }
    return this.extra.get(y)?.includes(w) ?? false;
  }

  private addEntry(y: number, w: number): void {
    if (!this.usableMiddle(y) || this.touches(y, w)) return;
    const list = this.extra.get(y);
    if (list) list.push(w);
    else this.extra.set(y, [w]);
  }

  /** Adds a watched number (store id) for a subject; the number must be in the view to be indexed. */
  addWatched(node: number, subject: SubjectId): void {
    const w = this.view.internalOf(node);
    if (w < 0) {
      this.pending.set(node, [...(this.pending.get(node) ?? []), subject]);
      return;
    }
    if (!this.addSubject(w, subject)) return;
    const rf = reverseFilter({ ...this.f, excludeHighDegree: false });
    this.view.forEachNeighbor(w, rf, (y) => this.addEntry(y, w));
  }

  /** Records a new pair src → dst (store ids) that has just been added to the view (e.g. a DeltaGraph). */
  addEdge(src: number, dst: number): void {
    for (const x of [src, dst]) {
      const waiting = this.pending.get(x);
      if (waiting && this.view.internalOf(x) >= 0) {
        this.pending.delete(x);
        for (const subject of waiting) this.addWatched(x, subject);
      }
    }
    const u = this.view.internalOf(src);
    const v = this.view.internalOf(dst);
    if (u < 0 || v < 0 || u === v) return;
    const e = this.view.findEdge(u, v);
    if (!e || !edgePasses(this.f, e.weight, e.first, e.last, e.typeMask)) return;
    if (this.f.out && this.subjects.has(v)) this.addEntry(u, v);
    if (this.f.in && this.subjects.has(u)) this.addEntry(v, u);
  }

  /** Watched subjects within `maxHops` (default 2) of a number, nearest first. */
  match(node: number, maxHops: 0 | 1 | 2 = 2): WatchMatch[] {
    const x = this.view.internalOf(node);
    if (x < 0) return [];
    const s = this.scratchFor(this.view.nodeCount);
    if (this.subjects.has(x)) s.found(x, 0, -1);
    if (maxHops >= 1) {
      const nb = this.nb;
      const k = this.view.neighbors(x, this.fAll, nb);
      for (let i = 0; i < k; i++) {
        const y = nb.node[i]!;
        if (this.subjects.has(y)) s.found(y, 1, -1);
      }
      for (let i = 0; maxHops === 2 && i < k; i++) {
        const y = nb.node[i]!;
        if (!this.usableMiddle(y)) continue;
        if (y < this.offsets.length - 1) {
          for (let j = this.offsets[y]!, end = this.offsets[y + 1]!; j < end; j++) {
            const w = this.entries[j]!;
            if (w !== x) s.found(w, 2, y);
          }
        }
        const more = this.extra.get(y);
        if (more) for (const w of more) if (w !== x) s.found(w, 2, y);
      }
    }
    return this.collect(s);
  }

  /** The scratch marks, regrown when the view has gained nodes since the last match. */
  private scratchFor(n: number): MatchScratch {
    if (this.scratch.size < n) this.scratch = new MatchScratch(Math.max(n, this.scratch.size * 2));
    this.scratch.begin();
    return this.scratch;
  }

  /** The matches found, sorted by (hops, watched store id) through one numeric sort of packed keys. */
  private collect(s: MatchScratch): WatchMatch[] {
    const keys = s.sortedKeys(this.view);
    const out: WatchMatch[] = [];
    for (let i = 0; i < keys.length; i++) {
      const hops = Math.floor(keys[i]! / KEY_SPAN) as 0 | 1 | 2;
      const watched = keys[i]! - hops * KEY_SPAN;
      const w = this.view.internalOf(watched);
      const v = s.via[w]!;
      const via = v < 0 ? null : this.view.externalOf(v);
      for (const subject of this.subjects.get(w)!) out.push({ subject, watched, hops, via });
    }
    return out;
  }
}

/** Store ids are below 2^31, so (hops, store id) packs exactly into one double. */
const KEY_SPAN = 2 ** 31;

/**
 * Per-query marks of {@link WatchlistIndex.match}, reused between calls so a match allocates
 * nothing but its answer (a Map and an object per candidate made the p99 GC-bound). Marks are
 * epoch-stamped: a new query bumps the epoch instead of clearing n entries.
 */
class MatchScratch {
  private readonly mark: Int32Array;
  private epoch = 0;
  readonly hops: Uint8Array;
  readonly via: Int32Array;
  private hits = new Int32Array(64);
  private keys = new Float64Array(64);
  private count = 0;

  constructor(readonly size: number) {
    this.mark = new Int32Array(size);
    this.hops = new Uint8Array(size);
    this.via = new Int32Array(size);
  }

  begin(): void {
    this.count = 0;
    if (++this.epoch === 2 ** 31 - 1) {
      this.mark.fill(0);
      this.epoch = 1;
    }
  }

  /** Records watched node w at `hops` unless already found this query (callers go nearest first). */
  found(w: number, hops: number, via: number): void {
    if (this.mark[w] === this.epoch) return;
    this.mark[w] = this.epoch;
    this.hops[w] = hops;
    this.via[w] = via;
    if (this.count === this.hits.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.hits);
      this.hits = grown;
      this.keys = new Float64Array(this.count * 2);
    }
    this.hits[this.count++] = w;
  }

  /** Packed (hops, store id) keys of this query's hits, ascending. */
  sortedKeys(view: GraphView): Float64Array {
    const keys = this.keys.subarray(0, this.count);
    for (let i = 0; i < this.count; i++) {
      const w = this.hits[i]!;
      keys[i] = this.hops[w]! * KEY_SPAN + view.externalOf(w);
    }
    return keys.sort();
  }
}
