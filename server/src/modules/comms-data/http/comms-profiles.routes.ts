import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonObjectText, singleLineText, textAllowing } from '#shared/contracts/text';
import type { AppContext } from '../../../app-context';
import { AppError } from '../../../platform/errors';
import { actorOf } from '../../../platform/http/route-access';
import type { CommsServices } from '../comms-services';
import { checkProfile, findProfile, listProfiles, registerProfile } from '../use-cases/provider-profiles';
import { actorTransact, importAccess, readAccess } from './route-helpers';
import { saveUpload } from './upload-file';

/** A sample is the first records of a provider's file: a few MiB is plenty. */
const SAMPLE_LIMIT_BYTES = 8 * 2 ** 20;

const profileParams = z.strictObject({ profileId: singleLineText().min(1).max(64) });
/** A definition is checked by the use case; here only its strings (a delimiter may be a tab). */
const definitionBody = jsonObjectText('\t\n');
const checkBody = z.strictObject({
  /** A profile id (shipped or registered), or a draft definition to try before registering it. */
  profile: z.union([singleLineText().min(1).max(64), definitionBody]),
  /** The first lines of the file (CSV text), or the file in base64 (Parquet, gzip). */
  sample: textAllowing('\t\n\r').min(1),
  sampleEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  limit: z.number().int().min(1).max(1000).default(20),
});

/**
 * Provider profiles: the shipped ones and those registered for layouts Lantern does not ship
 * (ADR 0009). Registering is an importer's act (`comms:import`) and is audited; profiles are
 * never changed once registered. `check` tries a profile, registered or draft, on a sample.
 */
export function registerProfileRoutes(app: FastifyInstance, ctx: AppContext, services: CommsServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/comms/profiles', { config: { access: readAccess } }, async () => ({
    items: await listProfiles(services.db),
  }));

  api.get(
    '/api/comms/profiles/:profileId',
    { config: { access: readAccess }, schema: { params: profileParams } },
    async (request) => {
      const found = await findProfile(services.db, request.params.profileId);
      if (!found) throw AppError.notFound('Profile');
      return found;
    },
  );

  api.post(
    '/api/comms/profiles',
    { config: { access: importAccess }, schema: { body: definitionBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await actorTransact(
        ctx,
        request,
      )((tx) =>
        registerProfile(tx, ctx.clock, request.body, {
          actorId: actor.id,
          requestId: request.id,
          fieldPrefix: 'body',
        }),
      );
      return reply.status(201).send(view);
    },
  );

  api.post(
    '/api/comms/profiles/check',
    {
      bodyLimit: Math.ceil((SAMPLE_LIMIT_BYTES * 4) / 3) + 65_536,
      config: { access: importAccess },
      schema: { body: checkBody },
    },
    async (request) => {
      const actor = actorOf(request);
      const { profile, sample, sampleEncoding, limit } = request.body;
      // Named .csv (.csv.gz when gzip): DuckDB's Parquet reader goes by content, not by name.
      const upload = await saveUpload(
        Readable.from([Buffer.from(sample, sampleEncoding)]),
        join(services.dir, 'uploads'),
        '.csv',
        SAMPLE_LIMIT_BYTES,
      );
      try {
        return await checkProfile(services, {
          profile,
          file: upload.path,
          limit,
          actorId: actor.id,
          requestId: request.id,
          fieldPrefix: 'body.profile',
        });
      } finally {
        await rm(upload.path, { force: true });
      }
    },
  );
}
