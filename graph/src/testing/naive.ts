/** Brute-force BFS distances from seeds over neighbour sets; `blocked` nodes are never entered. */
export function naiveBfs(
  adj: readonly Set<number>[],
  seeds: readonly number[],
  maxHops = Number.POSITIVE_INFINITY,
  blocked: ReadonlySet<number> = new Set(),
): Map<number, number> {
  const dist = new Map<number, number>();
  let frontier = [...new Set(seeds)];
  for (const s of frontier) dist.set(s, 0);
  for (let h = 1; h <= maxHops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of adj[u]!) {
        if (dist.has(v) || blocked.has(v)) continue;
        dist.set(v, h);
        next.push(v);
      }
    }
    frontier = next;
  }
  return dist;
}

/** Number of shortest paths from s to every node (BFS path counting). */
export function naivePathCounts(adj: readonly Set<number>[], s: number): { dist: number[]; sigma: number[] } {
  const n = adj.length;
  const dist = new Array<number>(n).fill(-1);
  const sigma = new Array<number>(n).fill(0);
  dist[s] = 0;
  sigma[s] = 1;
  const q = [s];
  for (let i = 0; i < q.length; i++) {
    const u = q[i]!;
    for (const v of adj[u]!) {
      if (dist[v] === -1) {
        dist[v] = dist[u]! + 1;
        q.push(v);
      }
      if (dist[v] === dist[u]! + 1) sigma[v]! += sigma[u]!;
    }
  }
  return { dist, sigma };
}
