import { degreeCentrality, graphSource, runInWorker } from '#graph/index';
import type {
  CentralityBody,
  CentralityResult,
  CommunitiesBody,
  CommunitiesResult,
} from '#shared/contracts/comms';
import { numberMap } from '../graph-cache/dataset-graph';
import { type AnalysisContext, graphOf } from './analysis-context';

/** Top `k` indexes of a score array (ids with a score), highest first, ties to the smaller id. */
function topIds(scores: ArrayLike<number>, k: number, known: (id: number) => boolean): number[] {
  const ids: number[] = [];
  for (let id = 0; id < scores.length; id++) if (known(id)) ids.push(id);
  ids.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return ids.slice(0, k);
}

/** Communities (Louvain or label propagation) over the whole graph, computed in a worker thread. */
export async function communitiesAnalysis(
  ctx: AnalysisContext,
  body: CommunitiesBody,
): Promise<CommunitiesResult> {
  const g = await graphOf(ctx);
  const kernel = body.method === 'louvain' ? 'louvain' : 'labelPropagation';
  const r = await runInWorker(kernel, graphSource(g.graph), { scope: ctx.scope.graph, seed: 1 });
  const members = new Map<number, number[]>();
  r.communities.forEach((c, id) => {
    if (c < 0) return;
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  });
  const top = [...members.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, body.top);
  const names = await numberMap(
    g,
    top.flatMap(([, ids]) => ids.slice(0, body.membersPerCommunity)),
  );
  return {
    method: body.method,
    count: r.count,
    modularity: r.modularity,
    communities: top.map(([id, ids]) => ({
      id,
      size: ids.length,
      members: ids.slice(0, body.membersPerCommunity).map((m) => names.get(m)!),
    })),
  };
}

/**
 * Centrality: degree and weighted degree in this thread (linear); betweenness in a worker —
 * exact up to 50,000 nodes, else sampled with the stated error bound.
 */
export async function centralityAnalysis(
  ctx: AnalysisContext,
  body: CentralityBody,
): Promise<CentralityResult> {
  const g = await graphOf(ctx);
  const known = (id: number) => g.graph.internalOf(id) >= 0;
  const degrees = degreeCentrality(g.graph, { scope: ctx.scope.graph });
  if (body.measure !== 'betweenness') {
    const scores = body.measure === 'degree' ? degrees.degree : degrees.weightedDegree;
    const ids = topIds(scores, body.top, known);
    const names = await numberMap(g, ids);
    return {
      measure: body.measure,
      exact: true,
      error: null,
      top: ids.map((id) => ({
        number: names.get(id)!,
        score: scores[id]!,
        degree: degrees.degree[id]!,
        weightedDegree: degrees.weightedDegree[id]!,
      })),
    };
  }
  const r = await runInWorker('betweenness', graphSource(g.graph), {
    scope: ctx.scope.graph,
    ...(body.samples ? { samples: body.samples } : {}),
  });
  const ids = topIds(r.betweenness, body.top, known);
  const names = await numberMap(g, ids);
  return {
    measure: body.measure,
    exact: r.exact,
    error: r.error
      ? { method: r.error.method, epsilon: r.error.epsilon, confidence: r.error.confidence, pivots: r.pivots }
      : null,
    top: ids.map((id) => ({
      number: names.get(id)!,
      score: r.betweenness[id]!,
      degree: degrees.degree[id]!,
      weightedDegree: degrees.weightedDegree[id]!,
      ...(r.error ? { standardError: r.error.standardError[id]! } : {}),
    })),
  };
}
