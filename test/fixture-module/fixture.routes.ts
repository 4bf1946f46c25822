import { z } from 'zod';
import {
  createFixtureRecordBody,
  fixtureCompartmentsResponse,
  fixtureCountQuery,
  fixtureCountResponse,
  fixtureExportResponse,
  fixtureIdParams,
  fixtureListQuery,
  fixtureRecordPage,
  fixtureRecordView,
  fixtureSecretView,
  updateFixtureRecordBody,
} from './fixture.contract';
import type { AppContext } from '#server/app-context';
import { defineRoute, type RouteDefinition } from '#server/platform/modules/define-route';
import { presentFixtureRecord } from './fixture.presenter';
import { countFixtureRecords } from './use-cases/count-fixture-records';
import { createFixtureRecord } from './use-cases/create-fixture-record';
import { deleteFixtureRecord } from './use-cases/delete-fixture-record';
import { exportFixtureRecords } from './use-cases/export-fixture-records';
import { listFixtureCompartments } from './use-cases/list-fixture-compartments';
import { listFixtureRecords } from './use-cases/list-fixture-records';
import { readFixtureRecord } from './use-cases/read-fixture-record';
import { readFixtureSecret } from './use-cases/read-fixture-secret';
import { updateFixtureRecord } from './use-cases/update-fixture-record';

const read = { permission: 'fixture:read' } as const;
const write = { permission: 'fixture:write' } as const;

/**
 * The module's API: thin routes that declare who may call them, what they take and what they
 * answer, and hand the validated request to one use case. Need-to-know is the use case's (not
 * visible → 404, visible but not allowed → 403); the presenter decides what is sent, the response
 * schema what may be.
 */
export function fixtureRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/fixture/records',
      access: read,
      summary: 'One page of the reference records you may see (sorted, searched by title or reference)',
      query: fixtureListQuery,
      response: fixtureRecordPage,
      handler: async ({ query, scope }) => {
        const page = await listFixtureRecords(ctx, scope, query);
        return { ...page, items: page.items.map((row) => presentFixtureRecord(scope.actor, row)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/fixture/records/count',
      access: read,
      summary: 'How many reference records you may see match a search',
      query: fixtureCountQuery,
      response: fixtureCountResponse,
      handler: async ({ query, scope }) => ({ count: await countFixtureRecords(ctx, scope, query.q) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/fixture/records/export',
      access: read,
      summary: 'Every reference record you may see, in one answer (audited)',
      response: fixtureExportResponse,
      handler: async ({ scope }) => ({
        records: (await exportFixtureRecords(ctx, scope)).map((row) =>
          presentFixtureRecord(scope.actor, row),
        ),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/fixture/compartments',
      access: write,
      summary: 'The compartments you may create reference records in',
      response: fixtureCompartmentsResponse,
      handler: async ({ scope }) => ({ items: await listFixtureCompartments(ctx, scope) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/fixture/records',
      access: write,
      summary: 'Create a reference record in a compartment you are read into',
      body: createFixtureRecordBody,
      status: 201,
      response: fixtureRecordView,
      handler: async ({ body, scope }) =>
        presentFixtureRecord(scope.actor, await createFixtureRecord(ctx, scope, body)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/fixture/records/:id',
      access: read,
      summary: 'One reference record',
      params: fixtureIdParams,
      response: fixtureRecordView,
      handler: async ({ params, scope }) =>
        presentFixtureRecord(scope.actor, await readFixtureRecord(ctx, scope, params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/fixture/records/:id/secret',
      access: read,
      summary: "A reference record's secret, decrypted (a sensitive read: audited)",
      params: fixtureIdParams,
      response: fixtureSecretView,
      handler: async ({ params, scope }) => ({ secret: await readFixtureSecret(ctx, scope, params.id) }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/fixture/records/:id',
      access: write,
      summary: "Change a reference record's title",
      params: fixtureIdParams,
      body: updateFixtureRecordBody,
      response: fixtureRecordView,
      handler: async ({ params, body, scope }) =>
        presentFixtureRecord(scope.actor, await updateFixtureRecord(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/fixture/records/:id',
      access: write,
      summary: 'Delete a reference record',
      params: fixtureIdParams,
      status: 204,
      response: z.null(),
      handler: async ({ params, scope }) => {
        await deleteFixtureRecord(ctx, scope, params.id);
        return null;
      },
    }),
  ];
}
