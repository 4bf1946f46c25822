import { PassThrough, type Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  cellSiteImportResult,
  importAccepted,
  importCancelled,
  type ImportJobView,
  importJobView,
  importListQuery,
  importPage,
} from '#shared/contracts/comms';
import { singleLineText } from '#shared/contracts/text';
import type { AppContext } from '../../../app-context';
import { AppError } from '../../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import type { CommsServices } from '../comms-services';
import { UPLOAD_LIMIT_BYTES } from '../upload-file';
import { cancelImport } from '../use-cases/cancel-import';
import { importDatasetCellSites } from '../use-cases/import-cell-sites';
import { readDatasetImports, readImport } from '../use-cases/read-dataset';
import { startImport } from '../use-cases/start-import';
import { datasetParams, importAccess, importParams, readAccess } from './comms-access';

const importQuery = z.strictObject({
  profile: singleLineText().min(1).max(64).default('generic'),
  /** The file's own name, for the import history (the CLI sends it; default 'upload'). */
  name: singleLineText().trim().min(1).max(1000).optional(),
});

/** The request body as the upload parser handed it on: a stream, or a refusal naming what to send. */
function uploadOf(request: FastifyRequest, what: string): Readable {
  const body = request.body as Readable | undefined;
  if (!body || typeof body.pipe !== 'function')
    throw new AppError('VALIDATION_FAILED', `Send ${what}.`, {
      fields: [{ path: 'body', message: `is missing: send ${what}` }],
    });
  return body;
}

/**
 * Imports over the API: an upload starts a job of this process (poll it, follow its Server-Sent
 * Events, cancel it); its history row answers once it has ended, in any process.
 */
export function importRoutes(_ctx: AppContext, services: CommsServices): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/comms/datasets/:id/imports',
      access: readAccess,
      summary: "A dataset's import history, newest first: who imported what, with which profile, the outcome",
      params: datasetParams,
      query: importListQuery,
      response: importPage,
      handler: async ({ params, query, scope }) => readDatasetImports(services, params.id, query, scope),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/imports',
      access: importAccess,
      summary: 'Upload a provider file (CSV, gzip or Parquet as the body) and start its import',
      description:
        'The file is the raw request body (text/csv, application/gzip or application/octet-stream), up to 2 GiB. ' +
        'The import runs on: follow it at /api/comms/imports/{importId} (or its /events).',
      params: datasetParams,
      query: importQuery,
      bodyLimit: UPLOAD_LIMIT_BYTES,
      status: 202,
      response: importAccepted,
      handler: async ({ params, query, scope, request }) =>
        startImport(
          services,
          {
            datasetId: params.id,
            profile: query.profile,
            ...(query.name ? { name: query.name } : {}),
            body: uploadOf(request, 'the file as the body (text/csv or application/octet-stream)'),
            onInternalError: (error, id) => request.log.error({ err: error, importId: id }, 'import failed'),
          },
          scope,
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/datasets/:id/cell-sites',
      access: importAccess,
      summary:
        'Import cell sites (CSV as the body: cell_id,lat,lon[,azimuth]) for co-location within R metres',
      params: datasetParams,
      bodyLimit: UPLOAD_LIMIT_BYTES,
      response: cellSiteImportResult,
      handler: async ({ params, scope, request }) => {
        const file = uploadOf(request, 'the cell-site CSV as the body (text/csv)');
        return importDatasetCellSites(services, { datasetId: params.id, file }, scope);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/imports/:importId',
      access: readAccess,
      summary: 'One import: live progress while it runs, then its outcome (the read audited)',
      params: importParams,
      response: importJobView,
      handler: async ({ params, scope }) => readImport(services, params.importId, scope),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/comms/imports/:importId',
      access: importAccess,
      summary: 'Ask a running import to stop (the dataset stays as it was before it)',
      params: importParams,
      status: 202,
      response: importCancelled,
      handler: async ({ params, scope }) => ({
        cancelled: await cancelImport(services, params.importId, scope),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/imports/:importId/events',
      access: readAccess,
      summary: "An import's progress as Server-Sent Events (`progress`, then `done` with the import)",
      params: importParams,
      response: z.string(),
      handler: async ({ params, scope, request, reply }) => {
        const job = await readImport(services, params.importId, scope);
        const stream = new PassThrough();
        const send = (event: string, data: unknown) =>
          stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const done = (view: ImportJobView) => {
          send('progress', view.progress);
          // A history row still running belongs to another process: no live events to follow here.
          if (view.status !== 'running') send('done', view);
          stream.end();
        };
        const stop = services.imports.subscribe(job.importId, (progress) => send('progress', progress), done);
        if (stop) request.raw.on('close', stop);
        else done(job); // not in this process: its history row
        return reply
          .header('content-type', 'text/event-stream')
          .header('x-accel-buffering', 'no')
          .send(stream);
      },
    }),
  ];
}
