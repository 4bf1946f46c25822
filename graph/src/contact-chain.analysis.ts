import { compileScope } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import { resolveSeeds } from './seeds.js';
import type { Scope } from './types.js';

/** Options of {@link contactChain}. */
export interface ChainOptions {
  /** 1–3 (default 2). */
  maxHops?: number;
  scope?: Scope;
  /** Maximum number of non-seed nodes returned; BFS order, so nearer nodes come first. */
  limit?: number;
}

/**
 * Result columns (index i describes one node, seeds first, then by hop count). For a non-seed,
 * `parent[i]` is the node it was first reached from and the edge columns describe that stored
 * pair: `edgeOutgoing[i]` true when parent called node (parent → node), false when node → parent.
 * Seeds have hop 0, parent -1 and zero edge columns. All ids are store ids.
 */
export interface ChainResult {
  seeds: number[];
  unknownSeeds: number[];
  nodes: number[];
  hops: number[];
  parent: number[];
  edgeOutgoing: boolean[];
  edgeWeight: number[];
  edgeFirst: number[];
  edgeLast: number[];
  edgeTypeMask: number[];
  truncated: boolean;
}

/**
 * Contact chaining: every node within `maxHops` of any seed under the scope, with its hop count
 * (distance to the nearest seed) and one shortest path back to a seed via parent pointers.
 * High-degree seeds are expanded; with `scope.excludeHighDegree` other flagged nodes are never
 * entered. Uses the view's reusable bit-set and queue.
 */
export function contactChain(
  view: GraphView,
  seedIds: readonly number[],
  options: ChainOptions = {},
): ChainResult {
  const maxHops = options.maxHops ?? 2;
  if (!(maxHops >= 1 && maxHops <= 3)) throw new RangeError('maxHops must be 1, 2 or 3');
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const f = compileScope(options.scope);
  const { internal, unknown } = resolveSeeds(view, seedIds);
  const r: ChainResult = {
    seeds: internal.map((u) => view.externalOf(u)),
    unknownSeeds: unknown,
    nodes: [],
    hops: [],
    parent: [],
    edgeOutgoing: [],
    edgeWeight: [],
    edgeFirst: [],
    edgeLast: [],
    edgeTypeMask: [],
    truncated: false,
  };
  const scratch = view.scratch.acquire();
  const { visited, queue } = scratch;
  const col = scratch.columns;
  let tail = 0;
  for (const u of internal) {
    visited.add(u);
    col.parent[tail] = -1;
    col.hop[tail] = 0;
    col.outgoing[tail] = 0;
    col.weight[tail] = 0;
    col.first[tail] = 0;
    col.last[tail] = 0;
    col.typeMask[tail] = 0;
    queue[tail++] = u;
  }
  let full = false;
  const nb = scratch.nbData;
  const cap = internal.length + Math.min(limit, view.nodeCount);
  for (let head = 0; head < tail && !full; head++) {
    const hop = col.hop[head]!;
    if (hop >= maxHops) break;
    const k = view.neighbors(queue[head]!, f, nb);
    for (let i = 0; i < k; i++) {
      const v = nb.node[i]!;
      if (!visited.testAndAdd(v)) continue;
      if (tail >= cap) {
        visited.delete(v);
        full = true;
        break;
      }
      col.parent[tail] = head;
      col.hop[tail] = hop + 1;
      col.outgoing[tail] = nb.outgoing[i]!;
      col.weight[tail] = nb.weight[i]!;
      col.first[tail] = nb.first[i]!;
      col.last[tail] = nb.last[i]!;
      col.typeMask[tail] = nb.typeMask[i]!;
      queue[tail++] = v;
    }
  }
  r.truncated = full;
  // Column conversion into plain arrays (JSON-able); seeds' edge columns were zeroed above.
  const nodes = new Array<number>(tail);
  const parent = new Array<number>(tail);
  const outgoing = new Array<boolean>(tail);
  for (let i = 0; i < tail; i++) {
    const u = queue[i]!;
    nodes[i] = view.externalOf(u);
    visited.delete(u);
    const p = col.parent[i]!;
    parent[i] = p < 0 ? -1 : nodes[p]!;
    outgoing[i] = col.outgoing[i] === 1;
  }
  r.nodes = nodes;
  r.parent = parent;
  r.edgeOutgoing = outgoing;
  r.hops = Array.from(col.hop.subarray(0, tail));
  r.edgeWeight = Array.from(col.weight.subarray(0, tail));
  r.edgeFirst = Array.from(col.first.subarray(0, tail));
  r.edgeLast = Array.from(col.last.subarray(0, tail));
  r.edgeTypeMask = Array.from(col.typeMask.subarray(0, tail));
  view.scratch.release(scratch);
  return r;
}

/** The path (store ids, seed first) to `node` in a chaining result, or null if absent. */
export function chainPath(result: ChainResult, node: number): number[] | null {
  const index = new Map<number, number>();
  result.nodes.forEach((x, i) => {
    index.set(x, i);
  });
  let i = index.get(node);
  if (i === undefined) return null;
  const path: number[] = [];
  while (i !== undefined) {
    path.push(result.nodes[i]!);
    const p: number = result.parent[i]!;
    i = p < 0 ? undefined : index.get(p);
  }
  return path.reverse();
}
