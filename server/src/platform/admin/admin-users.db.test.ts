import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { adminRules } from '#shared/contracts/admin';
import { appPerFile, TestClient } from '../../../../test/app';
import type { Database } from '../../db/client';
import { auditEvents } from '../audit/audit.schema';
import { signedIn } from '../../../../test/signed-in';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

async function auditOf(recordId: string) {
  const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId));
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, fields: r.fields }));
}

describe('user administration', () => {
  it('is refused (403) to a signed-in user without the admin permissions, and to the inspector', async () => {
    const { client: handler, user } = await signedIn(app, database.db, ['handler']);
    const { client: inspector } = await signedIn(app, database.db, ['inspector']);
    for (const client of [handler, inspector]) {
      expect((await client.request('GET', '/api/admin/users')).statusCode).toBe(403);
      expect((await client.request('GET', `/api/admin/users/${user.id}`)).statusCode).toBe(403);
      const create = await client.request('POST', '/api/admin/users', {
        username: 'sneaky',
        displayName: 'Sneaky',
        roles: ['admin'],
      });
      expect(create.statusCode).toBe(403);
      expect(
        (await client.request('PUT', `/api/admin/users/${user.id}/roles`, { roles: ['admin'] })).statusCode,
      ).toBe(403);
      expect((await client.request('POST', `/api/admin/users/${user.id}/disable`)).statusCode).toBe(403);
    }
    expect((await new TestClient(app).request('GET', '/api/admin/users')).statusCode).toBe(401);
  });

  it('creates a user with a one-time password that signs in, and audits it by field name', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const res = await admin.request('POST', '/api/admin/users', {
      username: 'new-analyst',
      displayName: 'New Analyst',
      roles: ['analyst'],
      clearance: 'SECRET',
      caveats: ['UK EYES ONLY'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'new-analyst',
      roles: ['analyst'],
      clearance: 'SECRET',
      caveats: ['UK EYES ONLY'],
      status: 'active',
      mfaEnrolled: false,
      memberships: [],
    });
    expect(body.oneTimePassword).toMatch(/^[\w-]{20}$/);
    expect(res.body).not.toContain('passwordHash');
    expect((await new TestClient(app).signIn('new-analyst', body.oneTimePassword)).statusCode).toBe(200);
    const audit = await auditOf(body.user.id);
    expect(audit).toContainEqual({ action: 'user.create', actorId: adminUser.id, fields: expect.any(Array) });
    expect(audit).toContainEqual({
      action: 'user.set-clearance',
      actorId: adminUser.id,
      fields: ['clearance', 'caveats'],
    });
    expect(JSON.stringify(audit)).not.toContain('SECRET');

    const again = await admin.request('POST', '/api/admin/users', {
      username: 'new-analyst',
      displayName: 'x',
      roles: ['analyst'],
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses unknown fields, unknown roles and bad caveats, naming the field', async () => {
    const { client: admin, user } = await signedIn(app, database.db, ['admin']);
    const extra = await admin.request('POST', '/api/admin/users', {
      username: 'x-user',
      displayName: 'X',
      roles: ['analyst'],
      isRoot: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('isRoot');
    const role = await admin.request('PUT', `/api/admin/users/${user.id}/roles`, { roles: ['superuser'] });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.details.fields[0].path).toContain('roles');
    const { user: other } = await signedIn(app, database.db, ['handler']);
    const caveat = await admin.request('PUT', `/api/admin/users/${other.id}/clearance`, {
      clearance: 'SECRET',
      caveats: ['lower case'],
    });
    expect(caveat.statusCode).toBe(400);
    expect(caveat.json().error.details.fields[0].path).toContain('caveats');
    const missing = await admin.request('GET', '/api/admin/users/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('changes roles and clearance of another user, audited, effective on their next request', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const { client: target, user } = await signedIn(app, database.db, ['handler']);
    expect((await target.request('GET', '/api/audit/events')).statusCode).toBe(403);

    const roles = await admin.request('PUT', `/api/admin/users/${user.id}/roles`, { roles: ['inspector'] });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().user.roles).toEqual(['inspector']);
    expect((await target.request('GET', '/api/audit/events')).statusCode).toBe(200);

    const clearance = await admin.request('PUT', `/api/admin/users/${user.id}/clearance`, {
      clearance: 'TOP SECRET',
      caveats: ['UK EYES ONLY'],
    });
    expect(clearance.statusCode).toBe(200);
    expect(clearance.json().user).toMatchObject({ clearance: 'TOP SECRET', caveats: ['UK EYES ONLY'] });

    const audit = await auditOf(user.id);
    expect(audit).toContainEqual({ action: 'user.set-roles', actorId: adminUser.id, fields: ['roles'] });
    expect(audit).toContainEqual({
      action: 'user.set-clearance',
      actorId: adminUser.id,
      fields: ['clearance', 'caveats'],
    });
  });

  it('two-person rule: an administrator cannot change their own roles, clearance or status', async () => {
    const { client: admin, user } = await signedIn(app, database.db, ['admin']);
    const attempts = [
      await admin.request('PUT', `/api/admin/users/${user.id}/roles`, { roles: ['admin', 'handler'] }),
      await admin.request('PUT', `/api/admin/users/${user.id}/clearance`, {
        clearance: 'TOP SECRET',
        caveats: [],
      }),
      await admin.request('POST', `/api/admin/users/${user.id}/disable`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { rule: adminRules.noSelfChange },
      });
    }
    const me = await admin.request('GET', `/api/admin/users/${user.id}`);
    expect(me.json().user).toMatchObject({ roles: ['admin'], clearance: 'OFFICIAL', status: 'active' });
  });

  it('disable ends the target’s sessions (401 on their next request); enable lets them sign in again', async () => {
    const { client: admin, user: adminUser } = await signedIn(app, database.db, ['admin']);
    const { client: target, user } = await signedIn(app, database.db, ['analyst']);
    expect((await target.request('GET', '/api/auth/me')).statusCode).toBe(200);

    const disabled = await admin.request('POST', `/api/admin/users/${user.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user.status).toBe('disabled');
    expect((await target.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(401);

    const listed = await admin.request('GET', '/api/admin/users');
    expect(listed.json().users.find((u: { id: string }) => u.id === user.id).status).toBe('disabled');

    const enabled = await admin.request('POST', `/api/admin/users/${user.id}/enable`);
    expect(enabled.json().user.status).toBe('active');
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(200);
    const actions = (await auditOf(user.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
    const byAdmin = (await auditOf(user.id)).filter((a) => a.actorId === adminUser.id).map((a) => a.action);
    expect(byAdmin).toEqual(['user.disable', 'user.enable']);
  });

  it('another administrator can be demoted while one remains', async () => {
    const { client: admin } = await signedIn(app, database.db, ['admin']);
    const { user: other } = await signedIn(app, database.db, ['admin']);
    const res = await admin.request('PUT', `/api/admin/users/${other.id}/roles`, { roles: ['handler'] });
    expect(res.statusCode).toBe(200);
  });
});
