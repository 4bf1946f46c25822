import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import { fixtureReference } from '../../../../test/fixture-module/fixture.factory';
import { fixtureRecords } from '../../../../test/fixture-module/fixture.schema';
import type { Database } from '../../db/client';
import { addMemberships, buildCompartment } from '../access/access.factory';
import { buildUser } from '../auth/user.factory';
import { systemClock } from '../clock';
import { auditEvents } from './audit.schema';
import { checkpointIfGrown, openAuditKeys, verifyAuditTrail } from './checkpoints';

let database: Database;
let app: FastifyInstance;
let alice: TestClient;
let aliceId = '';
let compartmentId = '';
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-audit-keys-'));

async function lastEvents(n: number) {
  return database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(n);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, undefined, {}, { fixtureModule: true });
  const compartment = await buildCompartment(database.db);
  compartmentId = compartment.id;
  const user = await buildUser(database.db, { clearance: 'SECRET' });
  aliceId = user.id;
  await addMemberships(database.db, user.id, [compartment.id]);
  alice = new TestClient(app);
  await alice.signIn(user.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function createRecord(title: string, secret: string): Promise<string> {
  const res = await alice.request('POST', '/api/fixture/records', {
    compartmentId,
    classification: 'OFFICIAL',
    reference: fixtureReference(),
    title,
    secret,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe('audit trail', () => {
  it('writes each mutation with its actor, action, record and field names, never the values', async () => {
    const id = await createRecord('Audit title', 'audit-secret-value');
    const [event] = await lastEvents(1);
    expect(event).toMatchObject({
      actorId: aliceId,
      action: 'fixture.create',
      recordType: 'fixture_records',
      recordId: id,
    });
    expect(event!.fields).toContain('secret');
    expect(event!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const all = JSON.stringify(await database.db.select().from(auditEvents), (_k, v) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    expect(all).not.toContain('audit-secret-value');
    expect(all).not.toContain('Audit title');
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows to the application', async () => {
    await expect(
      database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
  });

  it('leaves a trace of refused probes, dead sessions, searches and copied ciphertexts', async () => {
    const stranger = await buildUser(database.db);
    const probe = new TestClient(app);
    await probe.signIn(stranger.username);
    const target = await createRecord('Probe target', 'probe-secret');
    expect((await probe.request('GET', `/api/fixture/records/${target}`)).statusCode).toBe(404);
    expect((await lastEvents(1))[0]).toMatchObject({
      actorId: stranger.id,
      action: 'access.denied',
      recordId: target,
    });

    await probe.request('GET', '/api/fixture/records?q=Probe');
    expect((await lastEvents(1))[0]).toMatchObject({
      actorId: stranger.id,
      action: 'fixture.search',
      fields: ['q'],
    });

    const token = probe.cookie('lantern_session')!;
    await probe.request('POST', '/api/auth/sign-out');
    const dead = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantern_session: token },
    });
    expect(dead.statusCode).toBe(401);
    expect((await lastEvents(1))[0]).toMatchObject({ action: 'auth.session-rejected' });

    // An attacker with database access copies one record's ciphertext onto another row.
    const other = await createRecord('Other', 'other-secret');
    const [source] = await database.db.select().from(fixtureRecords).where(eq(fixtureRecords.id, target));
    await database.db
      .update(fixtureRecords)
      .set({ secretEnc: source!.secretEnc })
      .where(eq(fixtureRecords.id, other));
    const read = await alice.request('GET', `/api/fixture/records/${other}/secret`);
    expect(read.statusCode).toBe(500);
    expect(read.body).not.toContain('probe-secret');
    expect((await lastEvents(1))[0]).toMatchObject({ action: 'integrity.decrypt-failed', recordId: other });
  });

  it('verifies the chain with signed checkpoints and names the first tampered event', async () => {
    for (let i = 0; i < 5; i++) await createRecord(`Row ${i}`, `secret ${i}`);
    const keys = openAuditKeys(keyDir);
    expect(await checkpointIfGrown(database.db, keys, systemClock)).not.toBeNull();
    const clean = await verifyAuditTrail(database.db, keyDir);
    expect(clean.ok).toBe(true);

    // A superuser (not the application) switches the guard off and edits history.
    const victim = (await lastEvents(3))[2]; // an event in the middle of the log
    await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await database.db.execute(
      sql`UPDATE audit_events SET action = 'fixture.read' WHERE seq = ${victim!.seq}`,
    );
    const tampered = await verifyAuditTrail(database.db, keyDir);
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect(tampered.firstBadSeq).toBe(victim!.seq);

    await database.db.execute(
      sql`UPDATE audit_events SET action = ${victim!.action} WHERE seq = ${victim!.seq}`,
    );
    expect((await verifyAuditTrail(database.db, keyDir)).ok).toBe(true);
    await database.db.execute(sql`DELETE FROM audit_events WHERE seq = ${victim!.seq}`);
    const deleted = await verifyAuditTrail(database.db, keyDir);
    expect(deleted.ok).toBe(false);
    if (!deleted.ok) expect(deleted.firstBadSeq).toBe(victim!.seq);
  });
});
