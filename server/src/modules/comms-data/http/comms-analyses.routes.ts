import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  centralityBody,
  chainBody,
  coLocationBody,
  commonBody,
  communitiesBody,
  networkBody,
  pairEventsQuery,
  pathBody,
  type ScopeInput,
  statsQuery,
  timelineBody,
  watchlistMatchQuery,
} from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
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
import { datasetParams } from './comms-datasets.routes';
import { analyse, givenFields, readAccess } from './route-helpers';

const graphAnalyses = {
  chain: { body: chainBody, run: chainAnalysis },
  'common-contacts': { body: commonBody, run: commonAnalysis },
  'shortest-path': { body: pathBody, run: pathAnalysis },
  'connecting-network': { body: networkBody, run: networkAnalysis },
  communities: { body: communitiesBody, run: communitiesAnalysis },
  centrality: { body: centralityBody, run: centralityAnalysis },
} as const;

/**
 * The analyses of a dataset (permission comms:read + the dataset's visibility), each over the
 * authorised scope and each audited as `comms.analysis.<name>` with the parameter names.
 * Graph analyses are POST (structured bodies); `alsoDatasets` merges further datasets in.
 */
export function registerAnalysisRoutes(app: FastifyInstance, ctx: AppContext, services: CommsServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = readAccess;

  for (const [name, spec] of Object.entries(graphAnalyses)) {
    api.post(
      `/api/comms/datasets/:id/${name}`,
      { config: { access }, schema: { params: datasetParams, body: spec.body } },
      async (request) => {
        // The body was validated by spec.body; the loop loses its per-analysis type.
        const body = request.body as { scope: ScopeInput; alsoDatasets: string[] };
        const run = spec.run as (c: AnalysisContext, b: unknown) => Promise<unknown>;
        return analyse(ctx, services, request, [request.params.id, ...body.alsoDatasets], {
          name,
          fields: givenFields(body),
          scope: body.scope,
          run: (c) => run(c, body),
        });
      },
    );
  }

  api.post(
    '/api/comms/datasets/:id/timeline',
    { config: { access }, schema: { params: datasetParams, body: timelineBody } },
    async (request) =>
      analyse(ctx, services, request, [request.params.id], {
        name: 'timeline',
        fields: givenFields(request.body),
        scope: request.body.scope,
        run: (c) => timelineAnalysis(c, request.body),
      }),
  );

  api.post(
    '/api/comms/datasets/:id/co-location',
    { config: { access }, schema: { params: datasetParams, body: coLocationBody } },
    async (request) =>
      analyse(ctx, services, request, [request.params.id], {
        name: 'co-location',
        fields: givenFields(request.body),
        scope: request.body.scope,
        run: (c) => coLocationAnalysis(c, request.body),
      }),
  );

  api.get(
    '/api/comms/datasets/:id/pair-events',
    { config: { access }, schema: { params: datasetParams, querystring: pairEventsQuery } },
    async (request) => {
      const { from, to, bothDirections, ...q } = request.query;
      return analyse(ctx, services, request, [request.params.id], {
        name: 'pair-events',
        fields: givenFields(request.query),
        scope: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        run: (c) => pairEventsAnalysis(c, { ...q, bothDirections: bothDirections === 'true' }),
      });
    },
  );

  api.get(
    '/api/comms/datasets/:id/stats',
    { config: { access }, schema: { params: datasetParams, querystring: statsQuery } },
    async (request) =>
      analyse(ctx, services, request, [request.params.id], {
        name: 'stats',
        fields: givenFields(request.query),
        scope: request.query,
        run: statsAnalysis,
      }),
  );

  api.get(
    '/api/comms/datasets/:id/watchlist-match',
    { config: { access }, schema: { params: datasetParams, querystring: watchlistMatchQuery } },
    async (request) => {
      const { from, to, number, hops } = request.query;
      return analyse(ctx, services, request, [request.params.id], {
        name: 'watchlist-match',
        fields: givenFields(request.query),
        scope: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        run: (c) => watchlistMatchAnalysis(c, { number, hops: hops as 0 | 1 | 2 }),
      });
    },
  );
}
