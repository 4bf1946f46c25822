import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDatasetBody, destroyDatasetBody } from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
import { actorOf } from '../../../platform/http/route-access';
import { presentDataset } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
import { createDataset } from '../use-cases/create-dataset';
import { destroyDataset } from '../use-cases/destroy-dataset';
import { listDatasets, readDataset } from '../use-cases/read-dataset';
import { loadVisibleDataset } from '../use-cases/run-analysis';
import { actorTransact, importAccess, readAccess } from './route-helpers';

export const datasetParams = z.strictObject({ id: z.uuid() });

export function registerDatasetRoutes(app: FastifyInstance, ctx: AppContext, services: CommsServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/comms/datasets',
    { config: { access: importAccess }, schema: { body: createDatasetBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await actorTransact(
        ctx,
        request,
      )((tx) => createDataset(tx, ctx.clock, request.body, { actor, requestId: request.id }));
      return reply.status(201).send(presentDataset(row));
    },
  );

  api.get('/api/comms/datasets', { config: { access: readAccess } }, async (request) => {
    const by = { actor: actorOf(request), requestId: request.id };
    const rows = await actorTransact(ctx, request)((tx) => listDatasets(tx, ctx.clock, by));
    return { items: rows.map(presentDataset) };
  });

  api.get(
    '/api/comms/datasets/:id',
    { config: { access: readAccess }, schema: { params: datasetParams } },
    async (request) => {
      const by = { actor: actorOf(request), requestId: request.id };
      const row = await actorTransact(
        ctx,
        request,
      )((tx) => readDataset(tx, ctx.clock, request.params.id, by));
      return presentDataset(row);
    },
  );

  api.post(
    '/api/comms/datasets/:id/destroy',
    {
      config: { access: { permission: 'comms:destroy' } },
      schema: { params: datasetParams, body: destroyDatasetBody },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await actorTransact(ctx, request)((tx) => loadVisibleDataset(tx, actor, request.params.id));
      const destroyed = await destroyDataset(services, {
        datasetId: row.id,
        reason: request.body.reason,
        actorId: actor.id,
        requestId: request.id,
      });
      return presentDataset(destroyed);
    },
  );
}
