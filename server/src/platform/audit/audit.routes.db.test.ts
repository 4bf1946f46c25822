import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../test/app';
import type { Database } from '../../db/client';
import { buildCompartment } from '../access/access.factory';
import { signedIn } from '../../../../test/signed-in';
import { membershipRecordId } from '../admin/use-cases/membership';
import { fixedClock } from '../clock';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));

appPerFile((t) => ({ database, app } = t), clock);

interface EventView {
  seq: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
}

describe('audit viewer', () => {
  it('is for the inspector and the administrator only', async () => {
    for (const role of ['handler', 'analyst', 'record-keeper'] as const) {
      const { client } = await signedIn(app, database.db, [role]);
      expect((await client.request('GET', '/api/audit/events')).statusCode).toBe(403);
      expect((await client.request('POST', '/api/audit/verify')).statusCode).toBe(403);
    }
    for (const role of ['inspector', 'admin'] as const) {
      const { client } = await signedIn(app, database.db, [role]);
      expect((await client.request('GET', '/api/audit/events')).statusCode).toBe(200);
    }
  });

  it('shows a grant with the actor’s username, and filters by actor, record and time', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const { user: analyst } = await signedIn(app, database.db, ['analyst']);
    const { client: inspector } = await signedIn(app, database.db, ['inspector']);
    const compartment = await buildCompartment(database.db);
    clock.advance(60_000);
    const grantedFrom = clock.now().toISOString();
    await admin.request('POST', `/api/admin/compartments/${compartment.id}/members`, { userId: analyst.id });
    clock.advance(60_000);

    const recordId = membershipRecordId(compartment.id, analyst.id);
    const byRecord = await inspector.request(
      'GET',
      `/api/audit/events?recordType=compartment-membership&recordId=${encodeURIComponent(recordId)}`,
    );
    expect(byRecord.statusCode).toBe(200);
    const events: EventView[] = byRecord.json().events;
    expect(events).toEqual([
      expect.objectContaining({
        action: 'access.grant-membership',
        actorId: adminUser.id,
        actorUsername: adminUser.username,
        recordType: 'compartment-membership',
        recordId,
        fields: ['compartmentId', 'userId'],
      }),
    ]);
    expect(events[0]!.seq).toMatch(/^\d+$/);

    const byActor: EventView[] = (
      await inspector.request('GET', `/api/audit/events?actorId=${adminUser.id}`)
    ).json().events;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorId === adminUser.id)).toBe(true);
    const byName: EventView[] = (
      await inspector.request('GET', `/api/audit/events?actor=${adminUser.username}`)
    ).json().events;
    expect(byName.map((e) => e.seq)).toEqual(byActor.map((e) => e.seq));
    expect((await inspector.request('GET', '/api/audit/events?actor=nobody-at-all')).json().events).toEqual(
      [],
    );

    const window: EventView[] = (
      await inspector.request(
        'GET',
        `/api/audit/events?from=${encodeURIComponent(grantedFrom)}&to=${encodeURIComponent(clock.now().toISOString())}`,
      )
    ).json().events;
    // The inspector's own reads of the log in that window are on it too.
    expect(window.map((e) => e.action).filter((a) => a !== 'audit.read')).toEqual([
      'access.grant-membership',
    ]);
  });

  it('audits every read of the log in the reading transaction: who read it and which filters (names only)', async () => {
    for (const role of ['inspector', 'admin'] as const) {
      const { client, user } = await signedIn(app, database.db, [role]);
      const res = await client.request(
        'GET',
        '/api/audit/events?recordType=comms_dataset&actor=nobody-at-all',
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().events).toEqual([]);
      expect(
        (await client.request('GET', `/api/audit/events?recordId=SECRET-VALUE&limit=5`)).statusCode,
      ).toBe(200);
      const reads: EventView[] = (await client.request('GET', `/api/audit/events?actorId=${user.id}`)).json()
        .events;
      // Newest first; the last read is not in its own answer.
      expect(reads.filter((e) => e.action === 'audit.read')).toEqual([
        expect.objectContaining({
          action: 'audit.read',
          actorId: user.id,
          recordType: 'audit-log',
          recordId: null,
          fields: ['limit', 'recordId'],
        }),
        expect.objectContaining({ action: 'audit.read', fields: ['actor', 'limit', 'recordType'] }),
      ]);
      expect(JSON.stringify(reads)).not.toContain('SECRET-VALUE');
      expect(JSON.stringify(reads)).not.toContain('nobody-at-all');
    }
  });

  it('pages newest first by seq with beforeSeq', async () => {
    const { client: admin } = await signedIn(app, database.db, ['admin']);
    for (let i = 0; i < 5; i++) await buildCompartment(database.db);
    const first = (await admin.request('GET', '/api/audit/events?limit=3')).json();
    expect(first.events).toHaveLength(3);
    const seqs = first.events.map((e: EventView) => BigInt(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a > b ? -1 : 1)));
    expect(first.nextBeforeSeq).toBe(first.events[2].seq);
    const older = (
      await admin.request('GET', `/api/audit/events?limit=3&beforeSeq=${first.nextBeforeSeq}`)
    ).json();
    expect(BigInt(older.events[0].seq)).toBeLessThan(BigInt(first.nextBeforeSeq));
  });

  it('refuses unknown and malformed filters, naming them', async () => {
    const { client } = await signedIn(app, database.db, ['inspector']);
    const unknown = await client.request('GET', '/api/audit/events?secret=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('secret');
    const badSeq = await client.request('GET', '/api/audit/events?beforeSeq=1;drop');
    expect(badSeq.statusCode).toBe(400);
    expect(badSeq.json().error.details.fields[0].path).toContain('beforeSeq');
    const badTime = await client.request('GET', '/api/audit/events?from=yesterday');
    expect(badTime.statusCode).toBe(400);
    expect((await client.request('GET', '/api/audit/events?limit=5000')).statusCode).toBe(400);
  });

  it('verifies a clean log and audits the verification', async () => {
    const { client: inspector, user } = await signedIn(app, database.db, ['inspector']);
    const res = await inspector.request('POST', '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(true);
    expect(BigInt(body.count)).toBeGreaterThan(0n);
    expect(body).toHaveProperty('lastCheckpoint');
    const log: EventView[] = (
      await inspector.request('GET', `/api/audit/events?actorId=${user.id}&limit=1`)
    ).json().events;
    expect(log[0]).toMatchObject({ action: 'audit.verify', actorUsername: user.username });
  });
});
