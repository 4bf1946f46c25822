import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { ProfileListQuery, ProfileSource } from '#shared/contracts/comms';
import { type Page, parseSort } from '#shared/contracts/pagination';
import type { Queryable } from '../../../db/client';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { findProfileRow, insertProfileRow, listProfileRows } from '../comms.repo';
import type { CommsServices } from '../comms-services';
import { SHIPPED_PROFILES } from '../profiles/profile-registry.js';
import {
  type ImportPreview,
  previewImport,
  type ProviderProfile,
  ProviderProfileSchema,
} from '../store/index.js';
import { saveUpload } from '../upload-file';
import { inputFileAsValidation } from './input-file-validation';

/** A provider profile as listed: where it comes from, and its full (defaults filled) mapping. */
export interface ProfileView {
  id: string;
  description: string;
  format: ProviderProfile['format'];
  source: ProfileSource;
  createdAt: string | null;
  definition: ProviderProfile;
}

function viewOf(profile: ProviderProfile, source: ProfileSource, createdAt: Date | null): ProfileView {
  const { id, description, format } = profile;
  return {
    id,
    description,
    format,
    source,
    createdAt: createdAt?.toISOString() ?? null,
    definition: profile,
  };
}

/**
 * Validates a profile definition; a bad one is a 400 whose fields name each problem by its path
 * in the definition (`columns.a`, `time.timeZone`), under `prefix` (e.g. `body` for a request).
 */
export function validateProfile(input: unknown, prefix?: string): ProviderProfile {
  const parsed = ProviderProfileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(profile)',
    message: issue.message,
  }));
  const listed = fields.slice(0, 10).map((f) => `${f.path}: ${f.message}`);
  if (fields.length > listed.length) listed.push(`and ${fields.length - listed.length} more`);
  throw new AppError('VALIDATION_FAILED', `The provider profile is not valid: ${listed.join('; ')}.`, {
    fields,
  });
}

/**
 * A registered profile read back. It was validated on the way in; if a later release tightened
 * the rules and it no longer passes, the import is refused with the reasons, not run on a
 * mapping that may now mean something else.
 */
function registeredView(row: { id: string; definition: unknown; createdAt: Date }): ProfileView {
  return viewOf(validateProfile(row.definition, `profile ${row.id}`), 'registered', row.createdAt);
}

export async function listProfiles(q: Queryable): Promise<ProfileView[]> {
  const shipped = [...SHIPPED_PROFILES.values()].map((p) => viewOf(p, 'shipped', null));
  const registered = (await listProfileRows(q)).map((row) => {
    try {
      return registeredView(row);
    } catch {
      return undefined; // listed by findProfile with its reasons; a list does not fail for one
    }
  });
  return [...shipped, ...registered.filter((v): v is ProfileView => v !== undefined)];
}

export async function findProfile(q: Queryable, id: string): Promise<ProfileView | undefined> {
  const shipped = SHIPPED_PROFILES.get(id);
  if (shipped) return viewOf(shipped, 'shipped', null);
  const row = await findProfileRow(q, id);
  return row ? registeredView(row) : undefined;
}

/** A profile by id, shipped or registered; an unknown id is a 400 that names it and the known ones. */
export async function resolveProfile(q: Queryable, id: string): Promise<ProviderProfile> {
  const found = await findProfile(q, id);
  if (found) return found.definition;
  const known = (await listProfiles(q)).map((p) => p.id);
  throw new AppError(
    'VALIDATION_FAILED',
    `Unknown provider profile '${id}'; known profiles: ${known.join(', ')}.`,
    {
      fields: [{ path: 'profile', message: `unknown profile '${id}'` }],
    },
  );
}

/**
 * One page of the shipped and registered profiles (ids or descriptions containing `q`). Profiles
 * are few (a handful shipped, a few registered per installation): paged in memory.
 */
export async function listProfilesPage(q: Queryable, query: ProfileListQuery): Promise<Page<ProfileView>> {
  const needle = query.q?.toLowerCase();
  const matching = (await listProfiles(q)).filter(
    (p) => !needle || p.id.includes(needle) || p.description.toLowerCase().includes(needle),
  );
  const { descending } = parseSort(query.sort);
  matching.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * (descending ? -1 : 1));
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    limit: query.limit,
    offset: query.offset,
  };
}

/**
 * Registers a profile for a provider layout Lantern does not ship. It is stored with its defaults
 * filled in, so what an import ran under never changes; an id already taken (shipped or
 * registered) is a 409: a corrected mapping gets a new id. Audited as `comms.profile.add`. Field
 * errors are named under `fieldPrefix` (e.g. `body` for a request).
 */
export async function registerProfile(
  services: Pick<CommsServices, 'db'>,
  input: unknown,
  scope: RequestScope,
  options: { fieldPrefix?: string } = {},
): Promise<ProfileView> {
  const profile = validateProfile(input, options.fieldPrefix);
  const idPath = [options.fieldPrefix, 'id'].filter(Boolean).join('.');
  if (SHIPPED_PROFILES.has(profile.id))
    throw new AppError('CONFLICT', `'${profile.id}' is the id of a shipped profile; choose another id.`, {
      fields: [{ path: idPath, message: 'taken by a shipped profile' }],
    });
  return withScopeTx(services.db, scope, async (tx) => {
    const row = await insertProfileRow(tx, {
      id: profile.id,
      definition: profile,
      createdBy: scope.actor?.id ?? null,
      createdAt: scope.clock.now(),
    });
    if (!row)
      throw new AppError(
        'CONFLICT',
        `A profile '${profile.id}' is registered already. Profiles do not change once registered (imports name them): register the corrected mapping under a new id.`,
        { fields: [{ path: idPath, message: 'already registered' }] },
      );
    await recordAudit(tx, scope, {
      action: 'comms.profile.add',
      recordType: 'comms_profile',
      recordId: profile.id,
      fields: ['id', 'definition'],
    });
    return viewOf(profile, 'registered', row.createdAt);
  });
}

/** A sample is the first records of a provider's file: a few MiB is plenty. */
export const SAMPLE_LIMIT_BYTES = 8 * 2 ** 20;

export interface ProfileCheckInput {
  /** A profile id (shipped or registered), or a draft definition (any other value) not yet registered. */
  profile: unknown;
  /** A file's path (the console), or a sample's bytes (the API: written to `comms/uploads/`, then removed). */
  file: string | Buffer;
  limit?: number;
  /** Where a draft's field errors are reported (e.g. `body.profile`). */
  fieldPrefix?: string;
}

/**
 * Tries a profile on the first records of a file (a real import into a throw-away dataset,
 * removed afterwards) and returns what would be stored and what rejected, so a mapping for a new
 * provider layout can be got right before anything is imported. Nothing is kept; the check is
 * audited (`comms.profile.check`) because it reads acquired data.
 */
export async function checkProfile(
  services: CommsServices,
  input: ProfileCheckInput,
  scope: RequestScope,
): Promise<ImportPreview> {
  const profile =
    typeof input.profile === 'string'
      ? await resolveProfile(services.db, input.profile)
      : validateProfile(input.profile, input.fieldPrefix);
  // Named .csv (.csv.gz when gzip): DuckDB's Parquet reader goes by content, not by name.
  const upload =
    typeof input.file === 'string'
      ? undefined
      : await saveUpload(
          Readable.from([input.file]),
          join(services.dir, 'uploads'),
          '.csv',
          SAMPLE_LIMIT_BYTES,
        );
  const preview = await previewImport(upload?.path ?? (input.file as string), profile, {
    workDir: services.dir,
    ...(input.limit === undefined ? {} : { limit: input.limit }),
  })
    .catch((error: unknown) => {
      throw inputFileAsValidation(error);
    })
    .finally(() => (upload ? rm(upload.path, { force: true }) : undefined));
  await withScopeTx(services.db, scope, (tx) =>
    recordAudit(tx, scope, {
      action: 'comms.profile.check',
      recordType: 'comms_profile',
      recordId: profile.id,
      fields: ['sample'],
    }),
  );
  return preview;
}
