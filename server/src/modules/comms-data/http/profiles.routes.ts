import { z } from 'zod';
import { profileCheckResult, profileListQuery, profilePage, profileView } from '#shared/contracts/comms';
import { jsonObjectText, singleLineText, textAllowing } from '#shared/contracts/text';
import type { AppContext } from '../../../app-context';
import { AppError } from '../../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import { presentPreview } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
import {
  checkProfile,
  findProfile,
  listProfilesPage,
  registerProfile,
  SAMPLE_LIMIT_BYTES,
} from '../use-cases/provider-profiles';
import { importAccess, readAccess } from './comms-access';

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
export function profileRoutes(_ctx: AppContext, services: CommsServices): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/comms/profiles',
      access: readAccess,
      summary: 'The shipped and registered provider profiles, one page',
      query: profileListQuery,
      response: profilePage,
      handler: async ({ query }) => listProfilesPage(services.db, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/profiles/:profileId',
      access: readAccess,
      summary: 'One provider profile with its full mapping',
      params: profileParams,
      response: profileView,
      handler: async ({ params }) => {
        const found = await findProfile(services.db, params.profileId);
        if (!found) throw AppError.notFound('Profile');
        return found;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/profiles',
      access: importAccess,
      summary: 'Register a provider profile (never changed afterwards: a corrected mapping gets a new id)',
      body: definitionBody,
      status: 201,
      response: profileView,
      handler: async ({ body, scope }) => registerProfile(services, body, scope, { fieldPrefix: 'body' }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/comms/profiles/check',
      access: importAccess,
      summary: "Try a profile on a sample of a provider's file: what would be stored, what rejected",
      bodyLimit: Math.ceil((SAMPLE_LIMIT_BYTES * 4) / 3) + 65_536,
      body: checkBody,
      response: profileCheckResult,
      handler: async ({ body, scope }) => {
        const { profile, sample, sampleEncoding, limit } = body;
        const preview = await checkProfile(
          services,
          { profile, file: Buffer.from(sample, sampleEncoding), limit, fieldPrefix: 'body.profile' },
          scope,
        );
        return presentPreview(preview);
      },
    }),
  ];
}
