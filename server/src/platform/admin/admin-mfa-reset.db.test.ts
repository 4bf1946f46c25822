import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, TestClient } from '../../../../test/app';
import type { Database } from '../../db/client';
import { fixedClock } from '../clock';
import { enrolAndConfirm, signInWith } from '../auth/mfa/mfa-test-helpers';
import { buildUser } from '../auth/user.factory';
import { signedIn } from '../../../../test/signed-in';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-04-01T09:00:05Z'));

appPerFile((t) => ({ database, app } = t), clock);

describe('admin reset of two-step verification', () => {
  it('removes a lost authenticator, ends the sessions, and lets the user sign in with the password again', async () => {
    const user = await buildUser(database.db, { roles: ['handler'] });
    const { client: userClient } = await enrolAndConfirm(app, clock, user.username);
    clock.advance(30_000);
    expect((await signInWith(new TestClient(app), { username: user.username })).json().error.code).toBe(
      'MFA_REQUIRED',
    );

    const { user: admin, client: adminClient } = await signedIn(app, database.db, ['admin']);
    const reset = await adminClient.request('POST', `/api/admin/users/${user.id}/mfa/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await userClient.request('GET', '/api/auth/me')).statusCode).toBe(401); // sessions ended
    expect((await signInWith(new TestClient(app), { username: user.username })).statusCode).toBe(200);

    const own = await adminClient.request('POST', `/api/admin/users/${admin.id}/mfa/reset`);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.details.rule).toContain('two-person');

    const { client: handler } = await signedIn(app, database.db, ['handler']);
    expect((await handler.request('POST', `/api/admin/users/${user.id}/mfa/reset`)).statusCode).toBe(403);
  });
});
