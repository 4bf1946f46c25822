import {
  allShortestPaths,
  chainPath,
  commonContacts,
  connectingNetwork,
  contactChain,
  shortestPath,
} from '#graph/index';
import type {
  ChainBody,
  ChainResult,
  CommonBody,
  CommonContactsResult,
  ConnectingNetworkResult,
  NetworkBody,
  PathBody,
  ShortestPathResult,
} from '#shared/contracts/comms';
import { type DatasetGraph, numberMap } from '../graph-cache/dataset-graph';
import {
  type AnalysisContext,
  graphOf,
  idsOrUnknown,
  isoOfEpoch,
  presentEdge,
  typesOf,
} from './analysis-context';

/**
 * The events between two numbers of the graph (store ids) in the call's dates, each way: what a
 * pair timeline counts. `fromVia` are the events `via` → `node`, `toVia` the others.
 */
function pairEvents(g: DatasetGraph, via: number, node: number) {
  const u = g.graph.internalOf(via);
  const v = g.graph.internalOf(node);
  const fromVia = g.graph.findEdge(u, v)?.weight ?? 0;
  const toVia = g.graph.findEdge(v, u)?.weight ?? 0;
  return { events: fromVia + toVia, fromVia, toVia };
}

/**
 * Contact chaining: every number within 1–3 hops of the seeds, with the path back to a seed.
 * `edge` is the stored pair the walk followed (one direction); `pair` counts every event between
 * the number and `via` in the call's dates, both ways, as the pair's timeline does. When the limit
 * cut the list (`truncated`), `total` says how many contacts there are.
 */
export async function chainAnalysis(ctx: AnalysisContext, body: ChainBody): Promise<ChainResult> {
  const g = await graphOf(ctx);
  const seeds = await idsOrUnknown(ctx, g, body.seeds);
  const options = { maxHops: body.hops, scope: ctx.scope.graph };
  const r = contactChain(g.graph, seeds.ids, { ...options, limit: body.limit });
  const names = await numberMap(g, r.nodes);
  const contacts: ChainResult['contacts'] = [];
  for (let i = 0; i < r.nodes.length; i++) {
    if (r.hops[i] === 0) continue;
    const node = r.nodes[i]!;
    const parent = r.parent[i]!;
    contacts.push({
      number: names.get(node)!,
      hops: r.hops[i]!,
      via: names.get(parent)!,
      path: (chainPath(r, node) ?? []).map((id) => names.get(id)!),
      pair: pairEvents(g, parent, node),
      edge: {
        direction: r.edgeOutgoing[i] ? 'from-via' : 'to-via',
        events: r.edgeWeight[i]!,
        first: isoOfEpoch(r.edgeFirst[i]!),
        last: isoOfEpoch(r.edgeLast[i]!),
        types: typesOf(r.edgeTypeMask[i]!),
      },
    });
  }
  // The same walk without the limit, only when it cut the list: the count the analyst is told.
  const total = r.truncated
    ? contactChain(g.graph, seeds.ids, options).hops.filter((h) => h > 0).length
    : contacts.length;
  return {
    seeds: r.seeds.map((id) => names.get(id)!),
    unknownSeeds: seeds.unknown,
    hops: body.hops,
    contacts,
    truncated: r.truncated,
    total,
  };
}

/** Common contacts of two or more numbers, with the pairs linking each to the numbers. */
export async function commonAnalysis(ctx: AnalysisContext, body: CommonBody): Promise<CommonContactsResult> {
  const g = await graphOf(ctx);
  const seeds = await idsOrUnknown(ctx, g, body.numbers);
  const r = commonContacts(g.graph, seeds.ids, {
    scope: ctx.scope.graph,
    ...(body.minShared ? { minShared: body.minShared } : {}),
  });
  const names = await numberMap(g, [...seeds.ids, ...r.contacts.map((c) => c.node)]);
  return {
    numbers: seeds.ids.map((id) => names.get(id)!),
    unknown: seeds.unknown,
    contacts: r.contacts.map((c) => ({
      number: names.get(c.node)!,
      shared: c.shared,
      events: c.totalWeight,
      edges: c.edges.map((e) => presentEdge(e, names)),
    })),
  };
}

/** Shortest path (or all shortest paths) between two numbers, with the pairs on it. */
export async function pathAnalysis(ctx: AnalysisContext, body: PathBody): Promise<ShortestPathResult> {
  const g = await graphOf(ctx);
  const [from, to] = (await ctx.parties.resolve([body.from, body.to])) as [string, string];
  const ends = await idsOrUnknown(ctx, g, [body.from, body.to]);
  const base = { from, to, unknown: ends.unknown };
  if (ends.unknown.length > 0)
    return { ...base, found: false, length: -1, count: 0, paths: [], edges: [], truncated: false };
  const [s, t] = [ends.ids[0]!, ends.ids[1]!];
  const options = { scope: ctx.scope.graph, ...(body.maxHops ? { maxHops: body.maxHops } : {}) };
  if (body.all) {
    const r = allShortestPaths(g.graph, s, t, { ...options, maxPaths: body.maxPaths });
    const names = await numberMap(g, [
      s,
      t,
      ...r.paths.flat(),
      ...r.edges.flatMap((e) => [e.source, e.target]),
    ]);
    return {
      ...base,
      found: r.found,
      length: r.length,
      count: r.count,
      paths: r.paths.map((p) => p.map((id) => names.get(id)!)),
      edges: r.edges.map((e) => presentEdge(e, names)),
      truncated: r.truncated,
    };
  }
  const r = shortestPath(g.graph, s, t, options);
  const edges = r.hops.flatMap((h) => h.pairs);
  const names = await numberMap(g, [s, t, ...r.nodes, ...edges.flatMap((e) => [e.source, e.target])]);
  return {
    ...base,
    found: r.found,
    length: r.length,
    count: r.found ? 1 : 0,
    paths: r.found ? [r.nodes.map((id) => names.get(id)!)] : [],
    edges: edges.map((e) => presentEdge(e, names)),
    truncated: false,
  };
}

/** Connecting network of a set of numbers: union of shortest paths favouring shared intermediaries. */
export async function networkAnalysis(
  ctx: AnalysisContext,
  body: NetworkBody,
): Promise<ConnectingNetworkResult> {
  const g = await graphOf(ctx);
  const members = await idsOrUnknown(ctx, g, body.numbers);
  const r = connectingNetwork(g.graph, members.ids, { scope: ctx.scope.graph, maxHops: body.maxHops });
  const names = await numberMap(g, [...r.nodes, ...r.members, ...r.unconnected.flat()]);
  const n = (id: number) => names.get(id)!;
  return {
    members: r.members.map(n),
    unknown: members.unknown,
    nodes: r.nodes.map(n),
    intermediaries: r.intermediaries.map((i) => ({ number: n(i.node), pairs: i.pairs })),
    paths: r.paths.map((p) => ({
      from: n(p.source),
      to: n(p.target),
      length: p.length,
      nodes: p.nodes.map(n),
    })),
    unconnected: r.unconnected.map(([a, b]): [string, string] => [n(a), n(b)]),
    edges: r.edges.map((e) => presentEdge(e, names)),
  };
}
