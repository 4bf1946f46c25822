import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRules } from '#shared/contracts/admin';
import { buildTestApp } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';
import { auditEvents } from '../audit/audit.schema';
import { actorOf } from '../http/route-access';
import { buildCompartment } from '../access/access.factory';
import { signedIn } from '../../../../test/signed-in';
import { membershipRecordId } from './use-cases/membership';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  // A probe of what the actor's request sees: route-access rebuilds the actor on every request.
  app.get('/api/test/my-compartments', { config: { access: { permission: 'self' } } }, async (request) => ({
    compartmentIds: [...actorOf(request).compartmentIds],
  }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function auditActions(recordId: string) {
  const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId));
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, fields: r.fields }));
}

describe('compartment administration', () => {
  it('is refused (403) to a handler and to the inspector', async () => {
    const compartment = await buildCompartment(database.db);
    for (const role of ['handler', 'inspector'] as const) {
      const { client, user } = await signedIn(app, database.db, [role]);
      expect((await client.request('GET', '/api/admin/compartments')).statusCode).toBe(403);
      const create = await client.request('POST', '/api/admin/compartments', {
        kind: 'fixture',
        name: `x-${role}`,
      });
      expect(create.statusCode).toBe(403);
      const grant = await client.request('POST', `/api/admin/compartments/${compartment.id}/members`, {
        userId: user.id,
      });
      expect(grant.statusCode).toBe(403);
    }
  });

  it('creates a compartment, audited; refuses a taken name and an unknown kind', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const res = await admin.request('POST', '/api/admin/compartments', {
      kind: 'dataset',
      name: 'Source BLUEBIRD',
      description: 'A covert human source',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json().compartment;
    expect(created).toMatchObject({ kind: 'dataset', name: 'Source BLUEBIRD', members: [] });
    expect(await auditActions(created.id)).toEqual([
      { action: 'compartment.create', actorId: adminUser.id, fields: ['kind', 'name', 'description'] },
    ]);
    const taken = await admin.request('POST', '/api/admin/compartments', {
      kind: 'dataset',
      name: 'Source BLUEBIRD',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.fields[0].path).toBe('name');
    const kind = await admin.request('POST', '/api/admin/compartments', {
      kind: 'no-such-kind',
      name: 'Bad kind',
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.fields[0].path).toContain('kind');
  });

  it('grants and revokes membership, audited, effective on the member’s next request', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const { client: analyst, user } = await signedIn(app, database.db, ['analyst']);
    const compartment = await buildCompartment(database.db);
    const sees = async () =>
      (await analyst.request('GET', '/api/test/my-compartments')).json().compartmentIds;
    expect(await sees()).not.toContain(compartment.id);

    const grant = await admin.request('POST', `/api/admin/compartments/${compartment.id}/members`, {
      userId: user.id,
    });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().compartment.members).toEqual([
      expect.objectContaining({ userId: user.id, username: user.username, grantedBy: adminUser.username }),
    ]);
    expect(await sees()).toContain(compartment.id);
    const listed = await admin.request('GET', `/api/admin/users/${user.id}`);
    expect(listed.json().user.memberships).toEqual([
      expect.objectContaining({ compartmentId: compartment.id, compartmentName: compartment.name }),
    ]);
    const twice = await admin.request('POST', `/api/admin/compartments/${compartment.id}/members`, {
      userId: user.id,
    });
    expect(twice.statusCode).toBe(409);

    const revoke = await admin.request(
      'DELETE',
      `/api/admin/compartments/${compartment.id}/members/${user.id}`,
    );
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().compartment.members).toEqual([]);
    expect(await sees()).not.toContain(compartment.id);
    const again = await admin.request(
      'DELETE',
      `/api/admin/compartments/${compartment.id}/members/${user.id}`,
    );
    expect(again.statusCode).toBe(404);

    expect(await auditActions(membershipRecordId(compartment.id, user.id))).toEqual([
      { action: 'access.grant-membership', actorId: adminUser.id, fields: ['compartmentId', 'userId'] },
      { action: 'access.revoke-membership', actorId: adminUser.id, fields: ['compartmentId', 'userId'] },
    ]);
  });

  it('two-person rule: an administrator cannot read themselves into a compartment', async () => {
    const { client: admin, user } = await signedIn(app, database.db, ['admin']);
    const compartment = await buildCompartment(database.db);
    const res = await admin.request('POST', `/api/admin/compartments/${compartment.id}/members`, {
      userId: user.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { rule: adminRules.twoPerson },
    });
    expect((await admin.request('GET', '/api/test/my-compartments')).json().compartmentIds).not.toContain(
      compartment.id,
    );
    // A second administrator may grant it: that is the two-person rule working, not a loophole.
    const { client: second } = await signedIn(app, database.db, ['admin']);
    const granted = await second.request('POST', `/api/admin/compartments/${compartment.id}/members`, {
      userId: user.id,
    });
    expect(granted.statusCode).toBe(200);
  });

  it('answers 404 for an unknown compartment or user, 400 for a malformed id', async () => {
    const { client: admin, user } = await signedIn(app, database.db, ['admin']);
    const { user: other } = await signedIn(app, database.db, ['handler']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const compartment = await buildCompartment(database.db);
    expect(
      (await admin.request('POST', `/api/admin/compartments/${unknown}/members`, { userId: other.id }))
        .statusCode,
    ).toBe(404);
    expect(
      (await admin.request('POST', `/api/admin/compartments/${compartment.id}/members`, { userId: unknown }))
        .statusCode,
    ).toBe(404);
    const bad = await admin.request('POST', `/api/admin/compartments/not-a-uuid/members`, {
      userId: user.id,
    });
    expect(bad.statusCode).toBe(400);
  });
});
