import {
  centralityBody,
  centralityResult,
  chainBody,
  chainResult,
  coLocationBody,
  coLocationResult,
  commonBody,
  commonContactsResult,
  communitiesBody,
  communitiesResult,
  connectingNetworkResult,
  networkBody,
  pairEventsQuery,
  pairEventsResult,
  pathBody,
  type ScopeInput,
  shortestPathResult,
  statsQuery,
  statsResult,
  timelineBody,
  timelineResult,
  watchlistMatchQuery,
  watchlistMatchResult,
} from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import type { UserScope } from '../../../platform/request-scope';
import type { AnalysisContext } from '../analyses/analysis-context';
import { chainAnalysis, commonAnalysis, networkAnalysis, pathAnalysis } from '../analyses/graph-analyses';
import { centralityAnalysis, communitiesAnalysis } from '../analyses/kernel-analyses';
import {
  coLocationAnalysis,
  pairEventsAnalysis,
  statsAnalysis,
  timelineAnalysis,
  watchlistMatchAnalysis,
} from '../analyses/store-analyses';
import type { CommsServices } from '../comms-services';
import { runAnalysis } from '../use-cases/run-analysis';
import { datasetParams, givenFields, readAccess } from './comms-access';

/** The date bounds of a query, as a scope (the other parameters are the analysis's own). */
function datesOf(q: { from?: string | undefined; to?: string | undefined }): ScopeInput {
  return { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
}

/**
 * The analyses of a dataset (permission comms:read + the dataset's visibility), each over the
 * authorised scope and each audited as `comms.analysis.<name>` with the parameter names
 * (run-analysis.ts). Graph analyses are POST (structured bodies); `alsoDatasets` merges further
 * datasets in.
 */
export function analysisRoutes(_ctx: AppContext, services: CommsServices): RouteDefinition[] {
  const access = readAccess;

  /** A graph analysis of the dataset in the path and the body's `alsoDatasets`. */
  function graph<T>(
    name: string,
    id: string,
    body: { scope: ScopeInput; alsoDatasets: string[] },
    scope: UserScope,
    run: (ctx: AnalysisContext) => Promise<T>,
  ): Promise<T> {
    const request = { name, fields: givenFields(body), scope: body.scope, run };
    return runAnalysis(services, [id, ...body.alsoDatasets], request, scope);
  }

  return [
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/chain',
      access,
      summary: 'Contact chaining: every number within 1–3 hops of the seeds, with the path back',
      params: datasetParams,
      body: chainBody,
      response: chainResult,
      handler: async ({ params, body, scope }) =>
        graph('chain', params.id, body, scope, (c) => chainAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/common-contacts',
      access,
      summary: 'Common contacts of two or more numbers, with the pairs linking them',
      params: datasetParams,
      body: commonBody,
      response: commonContactsResult,
      handler: async ({ params, body, scope }) =>
        graph('common-contacts', params.id, body, scope, (c) => commonAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/shortest-path',
      access,
      summary: 'The shortest path (or all shortest paths) between two numbers, with the pairs on it',
      params: datasetParams,
      body: pathBody,
      response: shortestPathResult,
      handler: async ({ params, body, scope }) =>
        graph('shortest-path', params.id, body, scope, (c) => pathAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/connecting-network',
      access,
      summary: 'The connecting network of a set of numbers, favouring shared intermediaries',
      params: datasetParams,
      body: networkBody,
      response: connectingNetworkResult,
      handler: async ({ params, body, scope }) =>
        graph('connecting-network', params.id, body, scope, (c) => networkAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/communities',
      access,
      summary: 'Communities of the contact graph (Louvain or label propagation), the largest first',
      params: datasetParams,
      body: communitiesBody,
      response: communitiesResult,
      handler: async ({ params, body, scope }) =>
        graph('communities', params.id, body, scope, (c) => communitiesAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/centrality',
      access,
      summary: 'The most central numbers: degree, weighted degree or betweenness',
      params: datasetParams,
      body: centralityBody,
      response: centralityResult,
      handler: async ({ params, body, scope }) =>
        graph('centrality', params.id, body, scope, (c) => centralityAnalysis(c, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/timeline',
      access,
      summary: "A number's (or a pair's) events by hour and day, top contacts and silent periods",
      params: datasetParams,
      body: timelineBody,
      response: timelineResult,
      handler: async ({ params, body, scope }) =>
        runAnalysis(
          services,
          [params.id],
          {
            name: 'timeline',
            fields: givenFields(body),
            scope: body.scope,
            run: (c) => timelineAnalysis(c, body),
          },
          scope,
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/co-location',
      access,
      summary: 'Numbers on the same or a nearby cell within ±T of a number (or pairs that meet repeatedly)',
      params: datasetParams,
      body: coLocationBody,
      response: coLocationResult,
      handler: async ({ params, body, scope }) =>
        runAnalysis(
          services,
          [params.id],
          {
            name: 'co-location',
            fields: givenFields(body),
            scope: body.scope,
            run: (c) => coLocationAnalysis(c, body),
          },
          scope,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets/:id/pair-events',
      access,
      summary: 'The events between two numbers (the evidence behind a pair), one page',
      params: datasetParams,
      query: pairEventsQuery,
      response: pairEventsResult,
      handler: async ({ params, query, scope }) => {
        const { from: _from, to: _to, bothDirections, ...q } = query;
        const run = (c: AnalysisContext) =>
          pairEventsAnalysis(c, { ...q, bothDirections: bothDirections === 'true' });
        const request = { name: 'pair-events', fields: givenFields(query), scope: datesOf(query), run };
        return runAnalysis(services, [params.id], request, scope);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets/:id/stats',
      access,
      summary: 'Counts of the data within the scope',
      params: datasetParams,
      query: statsQuery,
      response: statsResult,
      handler: async ({ params, query, scope }) =>
        runAnalysis(
          services,
          [params.id],
          { name: 'stats', fields: givenFields(query), scope: query, run: statsAnalysis },
          scope,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets/:id/watchlist-match',
      access,
      summary: 'Which watched subjects are within 0–2 hops of a number (from the standing index)',
      params: datasetParams,
      query: watchlistMatchQuery,
      response: watchlistMatchResult,
      handler: async ({ params, query, scope }) => {
        const run = (c: AnalysisContext) =>
          watchlistMatchAnalysis(c, { number: query.number, hops: query.hops as 0 | 1 | 2 });
        const request = { name: 'watchlist-match', fields: givenFields(query), scope: datesOf(query), run };
        return runAnalysis(services, [params.id], request, scope);
      },
    }),
  ];
}
