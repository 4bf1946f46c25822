import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { auditEvents } from '#server/platform/audit/audit.schema';
import { buildUser } from '#server/platform/auth/user.factory';
import { appPerFile, contextOf } from '../../app';
import { actorFor, buildFixtureRecord } from '../fixture.factory';
import { readFixtureSecret } from './read-fixture-secret';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t), undefined, {}, { fixtureModule: true });

describe('readFixtureSecret', () => {
  it('decrypts for a reader and audits the read (field name only) before the value leaves', async () => {
    const inspector = await buildUser(database.db, { roles: ['inspector'], clearance: 'SECRET' });
    const { record } = await buildFixtureRecord(contextOf(app), {
      secret: 'the true name',
      readers: [inspector],
    });
    const scope = {
      actor: await actorFor(database.db, inspector),
      requestId: randomUUID(),
      clock: contextOf(app).clock,
    };
    expect(await readFixtureSecret(contextOf(app), scope, record.id)).toBe('the true name');
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, record.id), eq(auditEvents.action, 'fixture.read-secret')));
    expect(events).toMatchObject([{ actorId: inspector.id, requestId: scope.requestId, fields: ['secret'] }]);
  });

  it('answers a record out of reach as not found, and audits nothing for it', async () => {
    const { record } = await buildFixtureRecord(contextOf(app), { classification: 'SECRET' });
    const outsider = await buildUser(database.db, { roles: ['handler'], clearance: 'TOP SECRET' });
    const scope = {
      actor: await actorFor(database.db, outsider),
      requestId: randomUUID(),
      clock: contextOf(app).clock,
    };
    await expect(readFixtureSecret(contextOf(app), scope, record.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, record.id), eq(auditEvents.action, 'fixture.read-secret')));
    expect(events).toEqual([]);
  });

  it('does not answer when the audit event cannot be written', async () => {
    const { record, owner } = await buildFixtureRecord(contextOf(app), { secret: 'kept back' });
    const scope = {
      actor: await actorFor(database.db, owner),
      requestId: randomUUID(),
      clock: contextOf(app).clock,
    };
    await database.db.execute(sql`
      CREATE FUNCTION fail_fixture_secret_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'fixture.read-secret' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
    await database.db.execute(
      sql`CREATE TRIGGER fail_fixture_secret_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_fixture_secret_audit()`,
    );
    try {
      await expect(readFixtureSecret(contextOf(app), scope, record.id)).rejects.toThrow(/audit_events/);
    } finally {
      await database.db.execute(sql`DROP TRIGGER fail_fixture_secret_audit ON audit_events`);
    }
    expect(await readFixtureSecret(contextOf(app), scope, record.id)).toBe('kept back');
  });
});
