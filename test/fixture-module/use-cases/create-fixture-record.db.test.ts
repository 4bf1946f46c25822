import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { addMemberships, buildCompartment } from '#server/platform/access/access.factory';
import { auditEvents } from '#server/platform/audit/audit.schema';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { buildUser } from '#server/platform/auth/user.factory';
import { AppError } from '#server/platform/errors/index';
import type { UserScope } from '#server/platform/request-scope';
import { appPerFile, contextOf } from '../../app';
import { FIXTURE_REFERENCE_RULE } from '../fixture.contract';
import { actorFor, buildFixtureRecord, fixtureReference } from '../fixture.factory';
import { fixtureRecords } from '../fixture.schema';
import { createFixtureRecord } from './create-fixture-record';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t), undefined, {}, { fixtureModule: true });

async function scopeOf(user: UserRow): Promise<UserScope> {
  return { actor: await actorFor(database.db, user), requestId: randomUUID(), clock: contextOf(app).clock };
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error('expected a refusal');
  return { code: error.code, message: error.message, details: error.details };
}

const body = (compartmentId: string, overrides: Record<string, unknown> = {}) => ({
  compartmentId,
  classification: 'OFFICIAL' as const,
  caveats: [],
  reference: fixtureReference(),
  title: 'A title',
  secret: 'a secret',
  ...overrides,
});

describe('createFixtureRecord', () => {
  it('stores the secret encrypted and audits the creation in the same transaction, naming fields only', async () => {
    const { record, owner } = await buildFixtureRecord(contextOf(app), { secret: 'PLAIN-SECRET-VALUE' });
    expect(record.secretEnc).not.toBeNull();
    expect(Buffer.from(record.secretEnc!).toString('latin1')).not.toContain('PLAIN-SECRET-VALUE');
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, record.id), eq(auditEvents.action, 'fixture.create')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, recordType: 'fixture_records' });
    expect(events[0]!.fields).toEqual(expect.arrayContaining(['reference', 'title', 'secret']));
  });

  it('refuses a reference already used among the records the creator sees, naming the field and the rule', async () => {
    const { record, compartment, owner } = await buildFixtureRecord(contextOf(app));
    const refused = await refusal(
      createFixtureRecord(
        contextOf(app),
        await scopeOf(owner),
        body(compartment.id, { reference: record.reference }),
      ),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ path: 'body.reference' }], rule: FIXTURE_REFERENCE_RULE },
    });
  });

  it('accepts a reference used only by records the creator cannot see, and tells them nothing of those', async () => {
    const hidden = await buildFixtureRecord(contextOf(app), { classification: 'SECRET' });
    // Same compartment, but cleared only to OFFICIAL: the SECRET record is out of reach.
    const reader = await buildUser(database.db, { roles: ['handler'], clearance: 'OFFICIAL' });
    await addMemberships(database.db, reader.id, [hidden.compartment.id]);
    const made = await createFixtureRecord(
      contextOf(app),
      await scopeOf(reader),
      body(hidden.compartment.id, { reference: hidden.record.reference }),
    );
    expect(made.reference).toBe(hidden.record.reference);
    const both = await database.db
      .select()
      .from(fixtureRecords)
      .where(eq(fixtureRecords.reference, hidden.record.reference));
    expect(both).toHaveLength(2);
  });

  it('lets one of two concurrent creations of a reference through; the other sees it', async () => {
    const { compartment, owner } = await buildFixtureRecord(contextOf(app));
    const reference = fixtureReference();
    const scope = await scopeOf(owner);
    const results = await Promise.allSettled([
      createFixtureRecord(contextOf(app), scope, body(compartment.id, { reference })),
      createFixtureRecord(contextOf(app), scope, body(compartment.id, { reference })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('answers a compartment of another kind, or one the creator is not in, as not found', async () => {
    const owner = await buildUser(database.db, { roles: ['handler'], clearance: 'SECRET' });
    const dataset = await buildCompartment(database.db, { kind: 'dataset' });
    const elsewhere = await buildCompartment(database.db, { kind: 'fixture' });
    await addMemberships(database.db, owner.id, [dataset.id]);
    const scope = await scopeOf(owner);
    for (const compartmentId of [dataset.id, elsewhere.id, randomUUID()])
      expect(await refusal(createFixtureRecord(contextOf(app), scope, body(compartmentId)))).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Compartment not found.',
      });
  });

  it('refuses a marking above the creator’s clearance, naming the field', async () => {
    const { compartment, owner } = await buildFixtureRecord(contextOf(app));
    const low = await buildUser(database.db, { roles: ['handler'], clearance: 'OFFICIAL' });
    await addMemberships(database.db, low.id, [compartment.id]);
    expect(owner.id).not.toBe(low.id);
    const refused = await refusal(
      createFixtureRecord(
        contextOf(app),
        await scopeOf(low),
        body(compartment.id, { classification: 'SECRET' }),
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'classification' }] },
    });
  });
});
