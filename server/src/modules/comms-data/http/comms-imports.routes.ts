import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportJobView } from '#shared/contracts/comms';
import { singleLineText } from '#shared/contracts/text';
import type { AppContext } from '../../../app-context';
import { AppError } from '../../../platform/errors';
import { actorOf } from '../../../platform/http/route-access';
import type { CommsServices } from '../comms-services';
import type { CommsImportRow } from '../comms.schema';
import { findImport, importView } from '../import-history';
import { assertChangeable, assertNotDestroyed } from '../use-cases/dataset-availability';
import { importDatasetCellSites, importDatasetFiles } from '../use-cases/import-dataset-files';
import { resolveProfile } from '../use-cases/provider-profiles';
import { auditImportRead, readDatasetImports } from '../use-cases/read-dataset';
import { loadVisibleDataset } from '../use-cases/run-analysis';
import { datasetParams } from './comms-datasets.routes';
import { actorTransact, importAccess, readAccess } from './route-helpers';
import { saveUpload, UPLOAD_CONTENT_TYPES, UPLOAD_LIMIT_BYTES } from './upload-file';

const importParams = z.strictObject({ importId: z.uuid() });
const importQuery = z.strictObject({ profile: singleLineText().min(1).max(64).default('generic') });

/**
 * Imports over the API. The file is the raw request body (text/csv, or application/octet-stream
 * for Parquet). The content-type parser only hands the stream on: the body is written to
 * `comms/uploads/` by the handler, after the access rule, the dataset's visibility and the profile
 * name have been checked, so nobody can fill the disk without being allowed to import.
 */
export function registerImportRoutes(app: FastifyInstance, ctx: AppContext, services: CommsServices): void {
  // Fastify does not count a body it hands on as a stream, so its limit is checked here, from the
  // declared length, before anything is read (saveUpload counts what actually comes). Only the
  // upload routes (which declare the upload limit) take a file; the module's JSON routes refuse
  // one as every other route does.
  app.addContentTypeParser(
    UPLOAD_CONTENT_TYPES,
    { bodyLimit: UPLOAD_LIMIT_BYTES },
    (request, payload, done) => {
      if (request.routeOptions.bodyLimit !== UPLOAD_LIMIT_BYTES)
        done(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'), undefined);
      else if (Number(request.headers['content-length']) > UPLOAD_LIMIT_BYTES)
        done(
          new AppError('PAYLOAD_TOO_LARGE', `Uploads are limited to ${UPLOAD_LIMIT_BYTES} bytes.`),
          undefined,
        );
      else done(null, payload);
    },
  );
  const api = app.withTypeProvider<ZodTypeProvider>();

  /**
   * A running import's live progress; once it has ended, its history row (one source of truth for
   * every process); a job that failed before it had a row (e.g. a conflict) from this process.
   */
  function viewOf(importId: string, row?: CommsImportRow): ImportJobView | undefined {
    const live = services.imports.get(importId);
    if (live?.status === 'running') return live;
    return row ? importView(row) : live;
  }

  async function currentView(importId: string): Promise<ImportJobView | undefined> {
    return viewOf(importId, await findImport(services.db, importId));
  }

  /** The job, if its dataset is visible to the caller (else 404, like an unknown id). */
  async function visibleJob(
    request: Parameters<typeof actorOf>[0],
    importId: string,
  ): Promise<ImportJobView> {
    const job = await currentView(importId);
    if (!job) throw AppError.notFound('Import');
    const actor = actorOf(request);
    await actorTransact(
      ctx,
      request,
    )((tx) => loadVisibleDataset(tx, actor, job.datasetId)).catch(() => {
      throw AppError.notFound('Import');
    });
    return job;
  }

  api.get(
    '/api/comms/datasets/:id/imports',
    { config: { access: readAccess }, schema: { params: datasetParams } },
    async (request) => {
      const by = { actor: actorOf(request), requestId: request.id };
      const rows = await actorTransact(
        ctx,
        request,
      )((tx) => readDatasetImports(tx, ctx.clock, request.params.id, by));
      return rows.map((r) => viewOf(r.id, r)!);
    },
  );

  api.post(
    '/api/comms/datasets/:id/imports',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      config: { access: importAccess },
      schema: { params: datasetParams, querystring: importQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await actorTransact(ctx, request)((tx) => loadVisibleDataset(tx, actor, request.params.id));
      assertChangeable(row); // before the upload is written
      const profile = await resolveProfile(services.db, request.query.profile);
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function')
        throw new AppError(
          'VALIDATION_FAILED',
          'Send the file as the body (text/csv or application/octet-stream).',
        );
      const ext = profile.format === 'parquet' ? '.parquet' : '.csv';
      const upload = await saveUpload(body, join(services.dir, 'uploads'), ext);
      const rejectsPath = join(services.dir, `${row.id}.${randomUUID()}.rejects.csv`);
      const files = [{ name: 'upload', bytes: upload.bytes }];
      const meta = { datasetId: row.id, profile: profile.id, files, startedBy: actor.id };
      const job = services.imports.start(meta, async (onProgress, signal, importId) => {
        try {
          return await importDatasetFiles(services, {
            datasetId: row.id,
            files: [upload.path],
            fileViews: files,
            importId,
            signal,
            profile: profile.id,
            actorId: actor.id,
            requestId: request.id,
            rejectsPath,
            onProgress,
            onInternalError: (error, id) => request.log.error({ err: error, importId: id }, 'import failed'),
          });
        } finally {
          await rm(upload.path, { force: true });
        }
      });
      return reply.status(202).send({ importId: job.importId, bytes: upload.bytes });
    },
  );

  api.post(
    '/api/comms/datasets/:id/cell-sites',
    { bodyLimit: UPLOAD_LIMIT_BYTES, config: { access: importAccess }, schema: { params: datasetParams } },
    async (request) => {
      const actor = actorOf(request);
      const row = await actorTransact(ctx, request)((tx) => loadVisibleDataset(tx, actor, request.params.id));
      assertNotDestroyed(row);
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function')
        throw new AppError('VALIDATION_FAILED', 'Send the cell-site CSV as the body (text/csv).');
      const upload = await saveUpload(body, join(services.dir, 'uploads'), '.csv');
      try {
        return await importDatasetCellSites(services, {
          datasetId: row.id,
          file: upload.path,
          actorId: actor.id,
          requestId: request.id,
        });
      } finally {
        await rm(upload.path, { force: true });
      }
    },
  );

  api.get(
    '/api/comms/imports/:importId',
    { config: { access: readAccess }, schema: { params: importParams } },
    async (request) => {
      const { importId } = request.params;
      const by = { actor: actorOf(request), requestId: request.id };
      return actorTransact(
        ctx,
        request,
      )(async (tx) => {
        const job = viewOf(importId, await findImport(tx, importId));
        if (!job) throw AppError.notFound('Import');
        await auditImportRead(tx, ctx.clock, job, by);
        return job;
      });
    },
  );

  api.delete(
    '/api/comms/imports/:importId',
    { config: { access: importAccess }, schema: { params: importParams } },
    async (request, reply) => {
      await visibleJob(request, request.params.importId);
      const cancelled = services.imports.cancel(request.params.importId);
      return reply.status(202).send({ cancelled });
    },
  );

  api.get(
    '/api/comms/imports/:importId/events',
    { config: { access: readAccess }, schema: { params: importParams } },
    async (request, reply) => {
      const { importId } = request.params;
      const job = await visibleJob(request, importId);
      const stream = new PassThrough();
      const send = (event: string, data: unknown) =>
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const done = (view: ImportJobView) => {
        send('progress', view.progress);
        // A history row still running belongs to another process: no live events to follow here.
        if (view.status !== 'running') send('done', view);
        stream.end();
      };
      const stop = services.imports.subscribe(importId, (progress) => send('progress', progress), done);
      if (stop) request.raw.on('close', stop);
      else done(job); // not in this process: its history row
      return reply.header('content-type', 'text/event-stream').header('x-accel-buffering', 'no').send(stream);
    },
  );
}
