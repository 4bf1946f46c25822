import {
  createDatasetBody,
  datasetListQuery,
  datasetPage,
  datasetView,
  destroyDatasetBody,
} from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import { presentDataset } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
import { createDataset } from '../use-cases/create-dataset';
import { destroyDataset } from '../use-cases/destroy-dataset';
import { listDatasets, readDataset } from '../use-cases/read-dataset';
import { datasetParams, destroyAccess, importAccess, readAccess } from './comms-access';

/** Datasets: register, list, read, destroy (each view with what the caller may do with it). */
export function datasetRoutes(_ctx: AppContext, services: CommsServices): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets',
      access: importAccess,
      summary: 'Register a dataset and the authorisation it was acquired under',
      body: createDatasetBody,
      status: 201,
      response: datasetView,
      handler: async ({ body, scope }) => {
        const row = await createDataset(services, body, scope);
        // Its creator was read into its new compartment by that transaction, after this request's
        // actor was loaded: their abilities are those of a member.
        const compartmentIds = new Set([...scope.actor.compartmentIds, row.compartmentId]);
        return presentDataset(row, { ...scope.actor, compartmentIds });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets',
      access: readAccess,
      summary: 'The datasets one is read into, one page (each read audited)',
      query: datasetListQuery,
      response: datasetPage,
      handler: async ({ query, scope }) => {
        const page = await listDatasets(services, query, scope);
        return { ...page, items: page.items.map((row) => presentDataset(row, scope.actor)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets/:id',
      access: readAccess,
      summary: 'One dataset: its authorisation, counts and state (the read audited)',
      params: datasetParams,
      response: datasetView,
      handler: async ({ params, scope }) =>
        presentDataset(await readDataset(services, params.id, scope), scope.actor),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/destroy',
      access: destroyAccess,
      summary:
        "Destroy a dataset's acquired records with a recorded reason (the dataset stays as the record)",
      params: datasetParams,
      body: destroyDatasetBody,
      response: datasetView,
      handler: async ({ params, body, scope }) =>
        presentDataset(
          await destroyDataset(services, { datasetId: params.id, reason: body.reason }, scope),
          scope.actor,
        ),
    }),
  ];
}
