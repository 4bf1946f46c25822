import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';
import { permissions, rolesGrant } from '../auth/permissions';
import { signedIn } from '../../../../test/signed-in';

// Issue 3 item 7: an administrator manages users, roles and memberships but reads no record of a
// compartment they are not in — not even one they created and filled with members themselves.
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, undefined, {}, { fixtureModule: true });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('administration without access', () => {
  it('the admin role holds no permission beyond managing users, compartments and reading the audit log', () => {
    // A record-reading permission added to admin later fails here on purpose.
    expect(permissions.filter((p) => rolesGrant(['admin'], p))).toEqual([
      'self',
      'users:read',
      'users:manage',
      'compartments:manage',
      'audit:read',
    ]);
  });

  it('an admin with top clearance manages a compartment but its records answer 404 on every path', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const { client: handler, user: handlerUser } = await signedIn(app, database.db, ['handler']);

    // The admin can do everything administrative...
    const created = await admin.request('POST', '/api/admin/compartments', {
      kind: 'fixture',
      name: 'Op NIGHTJAR',
    });
    expect(created.statusCode).toBe(201);
    const compartmentId: string = created.json().compartment.id;
    expect(
      (
        await admin.request('POST', `/api/admin/compartments/${compartmentId}/members`, {
          userId: handlerUser.id,
        })
      ).statusCode,
    ).toBe(200);
    const cleared = await admin.request('PUT', `/api/admin/users/${handlerUser.id}/clearance`, {
      clearance: 'SECRET',
      caveats: ['UK EYES ONLY'],
    });
    expect(cleared.statusCode).toBe(200);
    // ...and is even cleared to the top (by another administrator), but is not read in.
    const { client: second } = await signedIn(app, database.db, ['admin']);
    const topClearance = await second.request('PUT', `/api/admin/users/${adminUser.id}/clearance`, {
      clearance: 'TOP SECRET',
      caveats: ['UK EYES ONLY'],
    });
    expect(topClearance.statusCode).toBe(200);

    const record = await handler.request('POST', '/api/fixture/records', {
      compartmentId,
      classification: 'SECRET',
      caveats: ['UK EYES ONLY'],
      reference: 'REF-NIGHTJAR',
      title: 'NIGHTJAR meeting note',
      secret: 'true name: ADMIN-MUST-NOT-SEE',
    });
    expect(record.statusCode).toBe(201);
    const id: string = record.json().id;
    expect((await handler.request('GET', `/api/fixture/records/${id}`)).statusCode).toBe(200);

    // The admin holds no fixture permission: every route of the module refuses them before any
    // record is looked at (403), so no answer depends on whether the record exists.
    for (const [method, url, body] of [
      ['GET', `/api/fixture/records/${id}`],
      ['GET', `/api/fixture/records/${id}/secret`],
      ['PATCH', `/api/fixture/records/${id}`, { title: 'x' }],
      ['DELETE', `/api/fixture/records/${id}`],
      ['GET', '/api/fixture/records?q=NIGHTJAR'],
      ['GET', '/api/fixture/records/count?q=NIGHTJAR'],
      ['GET', '/api/fixture/records/export'],
    ] as const) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(res.body).not.toContain('NIGHTJAR');
      expect(res.body).not.toContain('ADMIN-MUST-NOT-SEE');
    }

    // The admin's own view of the compartment shows members, never records.
    const compartments = await admin.request('GET', '/api/admin/compartments');
    expect(compartments.body).not.toContain('NIGHTJAR meeting note');
  });
});
