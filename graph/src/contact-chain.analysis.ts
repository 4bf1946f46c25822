import { ContactGraph } from './contact-graph.js';
import { chainOnCsr } from './csr-traversal.js';
import { compileScope, type EdgeFilter } from './edge-filter.js';
import type { GraphView } from './graph-view.js';
import type { Scratch } from './scratch-pool.js';
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
    scratch.edges[tail] = -1;
    queue[tail++] = u;
  }
  const cap = internal.length + Math.min(limit, view.nodeCount);
  const fast = view instanceof ContactGraph;
  const run = fast
    ? chainOnCsr(view, f, scratch, tail, maxHops, cap)
    : chainOnView(view, f, scratch, tail, maxHops, cap);
  tail = run.tail;
  r.truncated = run.full;
  visited.clearAll(queue, tail);
  // Keep compact typed copies; the plain (JSON-able) arrays are built on first read.
  const ids = queue.slice(0, tail);
  const parentIdx = col.parent.slice(0, tail);
  const hops = col.hop.slice(0, tail);
  const outgoing = col.outgoing.slice(0, tail);
  if (fast) {
    const edges = scratch.edges.slice(0, tail);
    const fromEdge = (data: Uint32Array | Uint8Array) => () =>
      gather(tail, (i) => (edges[i]! < 0 ? 0 : data[edges[i]!]!));
    lazy(r, 'edgeWeight', fromEdge(view.weight));
    lazy(r, 'edgeFirst', fromEdge(view.first));
    lazy(r, 'edgeLast', fromEdge(view.last));
    lazy(r, 'edgeTypeMask', fromEdge(view.typeMask));
  } else {
    const own = (column: Uint32Array | Uint8Array) => {
      const copy = column.slice(0, tail);
      return () => gather(tail, (i) => copy[i]!);
    };
    lazy(r, 'edgeWeight', own(col.weight));
    lazy(r, 'edgeFirst', own(col.first));
    lazy(r, 'edgeLast', own(col.last));
    lazy(r, 'edgeTypeMask', own(col.typeMask));
  }
  view.scratch.release(scratch);
  let nodes: number[] | null = null;
  const nodeList = () => {
    if (nodes) return nodes;
    nodes = new Array<number>(tail);
    if (fast) {
      const toExternal = view.toExternal;
      for (let i = 0; i < tail; i++) nodes[i] = toExternal[ids[i]!]!;
    } else for (let i = 0; i < tail; i++) nodes[i] = view.externalOf(ids[i]!);
    return nodes;
  };
  lazy(r, 'nodes', nodeList);
  lazy(r, 'hops', () => gather(tail, (i) => hops[i]!));
  lazy(r, 'parent', () => {
    const ext = nodeList();
    return gather(tail, (i) => (parentIdx[i]! < 0 ? -1 : ext[parentIdx[i]!]!));
  });
  lazy(r, 'edgeOutgoing', () => {
    const out = new Array<boolean>(tail);
    for (let i = 0; i < tail; i++) out[i] = outgoing[i] === 1;
    return out;
  });
  return r;
}

/** The general traversal (any view, through NeighborBuffer); same contract as chainOnCsr. */
function chainOnView(
  view: GraphView,
  f: EdgeFilter,
  scratch: Scratch,
  start: number,
  maxHops: number,
  cap: number,
): { tail: number; full: boolean } {
  const { visited, queue } = scratch;
  const col = scratch.columns;
  const nb = scratch.nbData;
  let tail = start;
  for (let head = 0; head < tail; head++) {
    const hop = col.hop[head]!;
    if (hop >= maxHops) break;
    const k = view.neighbors(queue[head]!, f, nb);
    for (let i = 0; i < k; i++) {
      const v = nb.node[i]!;
      if (!visited.testAndAdd(v)) continue;
      if (tail >= cap) {
        visited.delete(v);
        return { tail, full: true };
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
  return { tail, full: false };
}

/** A plain array of `n` values (a counted loop: several times faster than Array.from). */
function gather(n: number, at: (i: number) => number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = at(i);
  return out;
}

/**
 * Makes `key` an enumerable property computed on first read (then a plain data property), so a
 * caller that reads only `nodes` does not pay for the other columns. JSON.stringify, structured
 * clone and deep equality see ordinary values.
 */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) => {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(make()),
    set: settle,
  });
}

const pathIndex = new WeakMap<ChainResult, { nodes: number[]; index: Map<number, number> }>();

/** The path (store ids, seed first) to `node` in a chaining result, or null if absent. */
export function chainPath(result: ChainResult, node: number): number[] | null {
  let cached = pathIndex.get(result);
  if (!cached || cached.nodes !== result.nodes) {
    const index = new Map<number, number>();
    const nodes = result.nodes;
    for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!, i);
    cached = { nodes, index };
    pathIndex.set(result, cached);
  }
  const { index } = cached;
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
