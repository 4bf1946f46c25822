import { type EdgeFilter, reverseFilter } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import type { Scratch } from './scratch-pool.js';

/**
 * Outcome of a level-synchronous bidirectional BFS from s (following the filter) and t
 * (following it backwards). While the scratch is held: dist/parent are the forward labels,
 * distB/parentB the backward ones, for the nodes in queue[0..tailF) and queueB[0..tailB).
 * When found, every node on a shortest path at position `midDepth` from s has both labels.
 */
export interface MeetResult {
  length: number;
  meet: number;
  midDepth: number;
  tailF: number;
  tailB: number;
}

/**
 * Bidirectional BFS with full levels, always growing the smaller frontier. `length` is -1 when
 * t is not reachable within `maxHops`. With `excludeHighDegree`, flagged nodes other than s and t
 * are not entered. Call {@link resetSearch} before releasing the scratch.
 */
export function bidirectionalSearch(
  view: GraphView,
  sc: Scratch,
  s: number,
  t: number,
  filter: EdgeFilter,
  maxHops = Number.POSITIVE_INFINITY,
): MeetResult {
  const f = { ...filter, excludeHighDegree: false };
  const fb = reverseFilter(f);
  const hd = filter.excludeHighDegree;
  const { dist, distB, parent, parentB, queue, queueB } = sc;
  const r: MeetResult = { length: -1, meet: -1, midDepth: -1, tailF: 1, tailB: 1 };
  dist[s] = 0;
  queue[0] = s;
  if (s === t) return { length: 0, meet: s, midDepth: 0, tailF: 1, tailB: 0 };
  distB[t] = 0;
  queueB[0] = t;
  let headF = 0;
  let headB = 0;
  let depthF = 0;
  let depthB = 0;
  let best = Number.POSITIVE_INFINITY;
  const nb = sc.nb;
  /** Expands u on one side; labels, parents and queue of that side are passed in. */
  const expand = (
    u: number,
    filt: EdgeFilter,
    mine: Int32Array,
    other: Int32Array,
    par: Int32Array,
    q: Int32Array,
    tail: number,
  ) => {
    const k = view.neighbors(u, filt, nb);
    const du = mine[u]! + 1;
    for (let i = 0; i < k; i++) {
      const v = nb.node[i]!;
      if (mine[v] !== -1) continue;
      if (hd && v !== s && v !== t && view.isHighDegree(v)) continue;
      mine[v] = du;
      par[v] = u;
      q[tail++] = v;
      if (other[v] !== -1 && du + other[v]! < best) {
        best = du + other[v]!;
        r.meet = v;
      }
    }
    return tail;
  };
  while (headF < r.tailF && headB < r.tailB && depthF + depthB < maxHops) {
    const forward = r.tailF - headF <= r.tailB - headB;
    if (forward) {
      const end = r.tailF;
      for (; headF < end; headF++) r.tailF = expand(queue[headF]!, f, dist, distB, parent, queue, r.tailF);
      depthF++;
    } else {
      const end = r.tailB;
      for (; headB < end; headB++)
        r.tailB = expand(queueB[headB]!, fb, distB, dist, parentB, queueB, r.tailB);
      depthB++;
    }
    if (r.meet >= 0) {
      r.length = best;
      r.midDepth = forward ? depthF : best - depthB;
      return r;
    }
  }
  return r;
}

/** Clears the labels a search left in the scratch. */
export function resetSearch(sc: Scratch, r: MeetResult): void {
  const { dist, distB, parent, parentB, queue, queueB } = sc;
  for (let i = 0; i < r.tailF; i++) {
    dist[queue[i]!] = -1;
    parent[queue[i]!] = -1;
  }
  for (let i = 0; i < r.tailB; i++) {
    distB[queueB[i]!] = -1;
    parentB[queueB[i]!] = -1;
  }
}
