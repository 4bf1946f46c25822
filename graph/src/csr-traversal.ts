import type { ContactGraph } from './contact-graph.js';
import { type EdgeFilter, edgePasses } from './edge-filter.js';
import type { Scratch } from './scratch-pool.js';

/**
 * Fast paths of the traversals for a plain {@link ContactGraph}: they read the CSR rows directly
 * (no NeighborBuffer copy, no per-edge data unless the filter needs it) and record, per
 * discovered node, only the edge id it was reached through. They visit neighbours in exactly the
 * order `ContactGraph.neighbors` lists them (out row, then in row), so they give the same answer
 * as the general path on the same graph (property-tested in csr-traversal.test.ts).
 */

/** True when pair `e` passes the filter (time, weight, types; not the high-degree rule). */
function passes(g: ContactGraph, f: EdgeFilter, e: number): boolean {
  return f.trivial || edgePasses(f, g.weight[e]!, g.first[e]!, g.last[e]!, g.typeMask[e]!);
}

/**
 * Multi-source BFS to `maxHops` for contact chaining. On entry queue[0..tail) holds the seeds
 * (visited, hop 0); on exit queue[0..tail) holds every node reached, with col.parent = queue
 * index of the parent, col.hop, col.outgoing (1 = parent → node stored) and `edges` = the out-edge
 * id of that pair. Stops (full = true) when a new node would exceed `cap` entries.
 */
export function chainOnCsr(
  g: ContactGraph,
  f: EdgeFilter,
  sc: Scratch,
  tail: number,
  maxHops: number,
  cap: number,
): { tail: number; full: boolean } {
  const { outOffsets, outTargets, inOffsets, inSources, inEdges, highDegree } = g;
  const words = sc.visited.words;
  const queue = sc.queue;
  const col = sc.columns;
  const { parent, hop, outgoing } = col;
  const edges = sc.edges;
  const hd = f.excludeHighDegree;
  const trivial = f.trivial;
  for (let head = 0; head < tail; head++) {
    const h = hop[head]!;
    if (h >= maxHops) break;
    const u = queue[head]!;
    const nh = h + 1;
    if (f.out) {
      for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
        const v = outTargets[e]!;
        const w = v >>> 5;
        const bit = 1 << (v & 31);
        const old = words[w]!;
        if ((old & bit) !== 0) continue;
        if (hd && (highDegree[w]! & bit) !== 0) continue;
        if (!trivial && !passes(g, f, e)) continue;
        if (tail >= cap) return { tail, full: true };
        words[w] = old | bit;
        parent[tail] = head;
        hop[tail] = nh;
        outgoing[tail] = 1;
        edges[tail] = e;
        queue[tail++] = v;
      }
    }
    if (f.in) {
      for (let j = inOffsets[u]!, end = inOffsets[u + 1]!; j < end; j++) {
        const v = inSources[j]!;
        const w = v >>> 5;
        const bit = 1 << (v & 31);
        const old = words[w]!;
        if ((old & bit) !== 0) continue;
        if (hd && (highDegree[w]! & bit) !== 0) continue;
        const e = inEdges[j]!;
        if (!trivial && !passes(g, f, e)) continue;
        if (tail >= cap) return { tail, full: true };
        words[w] = old | bit;
        parent[tail] = head;
        hop[tail] = nh;
        outgoing[tail] = 0;
        edges[tail] = e;
        queue[tail++] = v;
      }
    }
  }
  return { tail, full: false };
}

/** Beamer's switch: go bottom-up when the frontier's edges exceed the unexplored edges / ALPHA. */
const ALPHA = 14;

/**
 * Full BFS from internal node s, direction-optimising (Beamer et al. 2012): a level is expanded
 * top-down (frontier rows) while the frontier is small and bottom-up (every unvisited node scans
 * its own reverse row for a frontier member, sequentially over ids) once the frontier's edges
 * outnumber the unexplored ones / ALPHA — same levels, far fewer random accesses. Writes hop
 * distances by store id into `distByStore` (every entry written: -1 when unreached) and leaves
 * the reached nodes in sc.queue[0..tail) with their visited bits set (the caller clears them).
 * `mode` forces one strategy for every level (tests).
 */
export function bfsOnCsr(
  g: ContactGraph,
  f: EdgeFilter,
  sc: Scratch,
  s: number,
  distByStore: Int32Array,
  mode: 'auto' | 'top-down' | 'bottom-up' = 'auto',
): { tail: number; maxDepth: number } {
  const n = g.nodeCount;
  const { outOffsets, inOffsets, toExternal } = g;
  const words = sc.visited.words;
  const queue = sc.queue;
  const dist = new Int32Array(n);
  const frontier = new Uint32Array(words.length);
  const rowLength = (u: number) =>
    (f.out ? outOffsets[u + 1]! - outOffsets[u]! : 0) + (f.in ? inOffsets[u + 1]! - inOffsets[u]! : 0);
  let unexplored = (f.out ? g.pairCount : 0) + (f.in ? g.pairCount : 0);
  words[s >>> 5]! |= 1 << (s & 31);
  queue[0] = s;
  let tail = 1;
  let depth = 0;
  for (let head = 0; head < tail; ) {
    const levelEnd = tail;
    let frontierEdges = 0;
    for (let i = head; i < levelEnd; i++) frontierEdges += rowLength(queue[i]!);
    unexplored -= frontierEdges;
    depth++;
    const bottomUp =
      mode === 'auto' ? frontierEdges * ALPHA > unexplored && levelEnd - head > 64 : mode === 'bottom-up';
    if (bottomUp) {
      frontier.fill(0);
      for (let i = head; i < levelEnd; i++) frontier[queue[i]! >>> 5]! |= 1 << (queue[i]! & 31);
      tail = bottomUpLevel(g, f, words, frontier, queue, tail, dist, depth);
    } else tail = topDownLevel(g, f, words, queue, head, levelEnd, tail, dist, depth);
    head = levelEnd;
  }
  for (let u = 0; u < n; u++)
    distByStore[toExternal[u]!] = ((words[u >>> 5]! >>> (u & 31)) & 1) === 1 ? dist[u]! : -1;
  return { tail, maxDepth: dist[queue[tail - 1]!]! };
}

/** Expands queue[head..levelEnd) along the filter; returns the new tail. */
function topDownLevel(
  g: ContactGraph,
  f: EdgeFilter,
  words: Uint32Array,
  queue: Int32Array,
  head: number,
  levelEnd: number,
  tail: number,
  dist: Int32Array,
  depth: number,
): number {
  const { outOffsets, outTargets, inOffsets, inSources, inEdges, highDegree } = g;
  const hd = f.excludeHighDegree;
  const trivial = f.trivial;
  for (; head < levelEnd; head++) {
    const u = queue[head]!;
    if (f.out) {
      for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
        const v = outTargets[e]!;
        const w = v >>> 5;
        const bit = 1 << (v & 31);
        const old = words[w]!;
        if ((old & bit) !== 0) continue;
        if (hd && (highDegree[w]! & bit) !== 0) continue;
        if (!trivial && !passes(g, f, e)) continue;
        words[w] = old | bit;
        dist[v] = depth;
        queue[tail++] = v;
      }
    }
    if (f.in) {
      for (let j = inOffsets[u]!, end = inOffsets[u + 1]!; j < end; j++) {
        const v = inSources[j]!;
        const w = v >>> 5;
        const bit = 1 << (v & 31);
        const old = words[w]!;
        if ((old & bit) !== 0) continue;
        if (hd && (highDegree[w]! & bit) !== 0) continue;
        if (!trivial && !passes(g, f, inEdges[j]!)) continue;
        words[w] = old | bit;
        dist[v] = depth;
        queue[tail++] = v;
      }
    }
  }
  return tail;
}

/** Every unvisited node with a frontier neighbour (reverse rows) joins at `depth`; returns the new tail. */
function bottomUpLevel(
  g: ContactGraph,
  f: EdgeFilter,
  words: Uint32Array,
  frontier: Uint32Array,
  queue: Int32Array,
  tail: number,
  dist: Int32Array,
  depth: number,
): number {
  const { outOffsets, outTargets, inOffsets, inSources, inEdges, highDegree } = g;
  const n = g.nodeCount;
  const hd = f.excludeHighDegree;
  const trivial = f.trivial;
  for (let v = 0; v < n; v++) {
    const w = v >>> 5;
    const seen = words[w]!;
    if (seen === 0xffffffff) {
      v |= 31;
      continue;
    }
    const bit = 1 << (v & 31);
    if ((seen & bit) !== 0) continue;
    if (hd && (highDegree[w]! & bit) !== 0) continue;
    let found = false;
    if (f.out) {
      // Followed forwards, v is reached from a caller u: v's in-row.
      for (let j = inOffsets[v]!, end = inOffsets[v + 1]!; j < end; j++) {
        const u = inSources[j]!;
        if (((frontier[u >>> 5]! >>> (u & 31)) & 1) === 0) continue;
        if (!trivial && !passes(g, f, inEdges[j]!)) continue;
        found = true;
        break;
      }
    }
    if (!found && f.in) {
      for (let e = outOffsets[v]!, end = outOffsets[v + 1]!; e < end; e++) {
        const u = outTargets[e]!;
        if (((frontier[u >>> 5]! >>> (u & 31)) & 1) === 0) continue;
        if (!trivial && !passes(g, f, e)) continue;
        found = true;
        break;
      }
    }
    if (!found) continue;
    words[w] = seen | bit;
    dist[v] = depth;
    queue[tail++] = v;
  }
  return tail;
}
