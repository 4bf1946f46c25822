import { readFile, rm, writeFile } from 'node:fs/promises';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import modularity from 'graphology-metrics/graph/modularity.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { createRng, type EdgeBatch } from '#graph/index';
import { settledHeap } from '../timing.js';

interface PairAttrs {
  weight: number;
  first: number;
  last: number;
  types: number;
}

/**
 * graphology holding the same pairs: a directed graph with the pair data as edge attributes (the
 * memory comparison, k-hop and watchlist), and an undirected weighted projection (shortest paths,
 * BFS, Louvain), as a JS application would hold them.
 */
export class GraphologyPeer {
  private constructor(
    readonly directed: Graph<Record<string, never>, PairAttrs>,
    readonly undirected: Graph<Record<string, never>, { weight: number }>,
    readonly directedBuildMs: number,
    readonly heapBytes: number,
  ) {}

  static build(nodeCount: number, batches: readonly EdgeBatch[]): GraphologyPeer {
    const before = settledHeap();
    const t0 = performance.now();
    const d = new Graph<Record<string, never>, PairAttrs>({ type: 'directed', allowSelfLoops: false });
    for (let u = 0; u < nodeCount; u++) d.addNode(u);
    for (const b of batches) {
      for (let i = 0; i < b.length; i++) {
        const s = b.src[i]!;
        const t = b.dst[i]!;
        if (s === t) continue;
        d.addEdge(s, t, {
          weight: b.weight[i]!,
          first: b.first[i]!,
          last: b.last[i]!,
          types: b.typeMask[i]!,
        });
      }
    }
    const ms = performance.now() - t0;
    const heap = settledHeap() - before;
    const g = new Graph<Record<string, never>, { weight: number }>({
      type: 'undirected',
      allowSelfLoops: false,
    });
    for (let u = 0; u < nodeCount; u++) g.addNode(u);
    d.forEachEdge((_e, a, s, t) => {
      g.updateEdge(s, t, (x) => ({ weight: (x.weight ?? 0) + a.weight }));
    });
    return new GraphologyPeer(d, g, ms, heap);
  }

  /** Nodes within `hops` of the seed, both directions, seed included. */
  khop(seed: number, hops: number): string[] {
    const dist = new Map<string, number>([[String(seed), 0]]);
    const queue = [String(seed)];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      const du = dist.get(u)!;
      if (du >= hops) break;
      this.directed.forEachNeighbor(u, (v) => {
        if (!dist.has(v)) {
          dist.set(v, du + 1);
          queue.push(v);
        }
      });
    }
    return queue;
  }

  shortestPathLength(source: number, target: number): number {
    const path = bidirectional(this.undirected, String(source), String(target));
    return path === null ? -1 : path.length - 1;
  }

  bfs(source: number): { reached: number; maxDepth: number } {
    const dist = new Map<string, number>([[String(source), 0]]);
    const queue = [String(source)];
    let maxDepth = 0;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      const du = dist.get(u)!;
      maxDepth = du;
      this.undirected.forEachNeighbor(u, (v) => {
        if (!dist.has(v)) {
          dist.set(v, du + 1);
          queue.push(v);
        }
      });
    }
    return { reached: queue.length, maxDepth };
  }

  /** Watched nodes within 2 hops of x, hubs not used as intermediaries (a scan, no index). */
  watchMatches(x: number, watch: ReadonlySet<number>, hubs: ReadonlySet<number>): number[] {
    const out = new Set<number>();
    if (watch.has(x)) out.add(x);
    this.directed.forEachNeighbor(String(x), (y) => {
      const yi = Number(y);
      if (watch.has(yi)) out.add(yi);
      if (hubs.has(yi)) return;
      this.directed.forEachNeighbor(y, (w) => {
        const wi = Number(w);
        if (wi !== x && watch.has(wi)) out.add(wi);
      });
    });
    return [...out];
  }

  louvain(seed: number): { modularity: number; count: number } {
    const r = louvain.detailed(this.undirected, { getEdgeWeight: 'weight', rng: createRng(seed) });
    return { modularity: r.modularity, count: r.count };
  }

  /** Modularity of a partition given per store id (graphology-metrics, weighted). */
  modularityOf(community: Int32Array): number {
    return modularity(this.undirected, {
      getNodeCommunity: (node) => community[Number(node)]!,
      getEdgeWeight: 'weight',
    });
  }

  /** Serialise (graph.export → JSON file) and reload (Graph.from); ms each. */
  async snapshot(path: string): Promise<{ saveMs: number; loadMs: number; nodes: number }> {
    let t0 = performance.now();
    await writeFile(path, JSON.stringify(this.directed.export()));
    const saveMs = performance.now() - t0;
    t0 = performance.now();
    const g = Graph.from(JSON.parse(await readFile(path, 'utf8')));
    const loadMs = performance.now() - t0;
    await rm(path, { force: true });
    return { saveMs, loadMs, nodes: g.order };
  }
}
