import { randomBytes, randomUUID } from 'node:crypto';
import type { Classification } from '#shared/contracts/markings';
import type { AppContext } from '#server/app-context';
import type { Queryable } from '#server/db/client';
import { addMemberships, buildCompartment } from '#server/platform/access/access.factory';
import { compartmentIdsOf, findCompartmentByName } from '#server/platform/access/access.repo';
import type { CompartmentRow } from '#server/platform/access/access.schema';
import type { Actor } from '#server/platform/auth/actor';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { buildUser } from '#server/platform/auth/user.factory';
import { findUserByUsername } from '#server/platform/auth/users.repo';
import type { UserScope } from '#server/platform/request-scope';
import type { FixtureRecordRow } from './fixture.schema';
import { createFixtureRecord } from './use-cases/create-fixture-record';

// Builders that make real rows through the module's own use case (so a factory-made record is
// encrypted and audited like one made over the API), creating whatever they stand on — the
// compartment, an owner cleared for the marking, readers read in — unless the test passes its own.
// Tests and the demo seed share them (CONVENTIONS rule 7).

/** The actor a user acts as now: their roles, markings and the compartments they are read into. */
export async function actorFor(q: Queryable, user: UserRow): Promise<Actor> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Actor['roles'],
    clearance: user.clearance as Classification,
    caveats: user.caveats,
    compartmentIds: await compartmentIdsOf(q, user.id),
  };
}

export interface FixtureRecordOverrides {
  /** Who creates it (default: a new handler cleared TOP SECRET with the record's caveats). */
  owner?: UserRow;
  /** Where it lives (default: a new compartment of kind `fixture`). */
  compartment?: CompartmentRow;
  /** Users read into the compartment besides the owner. */
  readers?: UserRow[];
  classification?: Classification;
  caveats?: string[];
  reference?: string;
  title?: string;
  secret?: string;
}

export interface BuiltFixtureRecord {
  record: FixtureRecordRow;
  compartment: CompartmentRow;
  owner: UserRow;
}

/** A unique reference, `REF-` and eight hex digits. */
export function fixtureReference(): string {
  return `REF-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** One reference record with its parents. */
export async function buildFixtureRecord(
  ctx: AppContext,
  overrides: FixtureRecordOverrides = {},
): Promise<BuiltFixtureRecord> {
  const { db } = ctx.database;
  const caveats = overrides.caveats ?? [];
  const compartment = overrides.compartment ?? (await buildCompartment(db, { kind: 'fixture' }));
  const owner =
    overrides.owner ?? (await buildUser(db, { roles: ['handler'], clearance: 'TOP SECRET', caveats }));
  await addMemberships(db, owner.id, [compartment.id]);
  for (const reader of overrides.readers ?? []) await addMemberships(db, reader.id, [compartment.id]);
  const scope: UserScope = { actor: await actorFor(db, owner), requestId: randomUUID(), clock: ctx.clock };
  const record = await createFixtureRecord(ctx, scope, {
    compartmentId: compartment.id,
    classification: overrides.classification ?? 'OFFICIAL',
    caveats,
    reference: overrides.reference ?? fixtureReference(),
    title: overrides.title ?? `Record ${randomBytes(3).toString('hex')}`,
    secret: overrides.secret ?? `secret ${randomBytes(6).toString('hex')}`,
  });
  return { record, compartment, owner };
}

const demoCompartment = 'Reference records';

/**
 * The module's demo data (when the module is on): a compartment the demo handler and inspector are
 * read into, with three records made by the handler. Made once: a compartment of that name means
 * it was made before.
 */
export async function buildFixtureDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  if (await findCompartmentByName(db, demoCompartment)) return;
  const owner = await findUserByUsername(db, 'handler');
  if (!owner) return;
  const inspector = await findUserByUsername(db, 'inspector');
  const compartment = await buildCompartment(db, { kind: 'fixture', name: demoCompartment });
  const readers = inspector ? [inspector] : [];
  const records = [
    { reference: 'REF-0001', title: 'Meeting note, harbour office', classification: 'OFFICIAL' },
    { reference: 'REF-0002', title: 'Vehicle sighting, ring road', classification: 'OFFICIAL-SENSITIVE' },
    { reference: 'REF-0003', title: 'Contact report, station car park', classification: 'SECRET' },
  ] as const;
  for (const r of records) await buildFixtureRecord(ctx, { ...r, owner, compartment, readers });
}
