import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/contracts/roles';
import { buildTestApp, TestClient } from '../../../../../test/app';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { createTestDataset } from '../../../modules/comms-data/comms.test-support';
import { addMemberships } from '../../access/access.factory';
import { auditEvents } from '../../audit/audit.schema';
import { fixedClock } from '../../clock';
import { buildUser } from '../user.factory';
import { setUserDisabled, setUserMarkings, setUserRoles } from '../users.repo';
import { personalAccessTokens } from '../tokens.schema';
import { accessTokenHash } from './access-token';

let database: Database;
let app: FastifyInstance;
/** The app whose bearer throttle trips after 3 bad tokens a minute. */
let strict: FastifyInstance;
/** LANTERN_ENV=production: two-step verification required of every account. */
let production: FastifyInstance;
const clock = fixedClock(new Date('2026-05-04T09:00:00Z'));
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildTestApp(database, clock, { LANTERN_LOG_LEVEL: 'debug' }, { logStream });
  strict = await buildTestApp(database, clock, { LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
  production = await buildTestApp(database, clock, { LANTERN_ENV: 'production' });
});
afterAll(async () => {
  await app?.close();
  await strict?.close();
  await production?.close();
  await database?.close();
});

async function signedIn(roles: Role[] = ['analyst']) {
  const user = await buildUser(database.db, { roles, clearance: 'SECRET' });
  const client = new TestClient(app);
  expect((await client.signIn(user.username)).statusCode).toBe(200);
  return { user, client };
}

async function createToken(client: TestClient, body: Record<string, unknown> = { name: 'laptop CLI' }) {
  const res = await client.request('POST', '/api/auth/tokens', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: { id: string; name: string; expiresAt: string }; secret: string };
}

function withBearer(
  secret: string,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
  on: FastifyInstance = app,
) {
  return on.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}` },
    ...(payload ? { payload } : {}),
  });
}

describe('personal access tokens', () => {
  it('are made by a session, act as their user, and stop at once when revoked', async () => {
    const { user, client } = await signedIn();
    const { token, secret } = await createToken(client, { name: 'laptop CLI', expiresInDays: 30 });
    expect(secret).toMatch(/^lnt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'laptop CLI', expiresAt: '2026-06-03T09:00:00.000Z' });
    // Stored hashed: the table never holds the secret.
    const [row] = await database.db
      .select()
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.id, token.id));
    expect(row!.tokenHash).toBe(accessTokenHash(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const me = await withBearer(secret, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
    // A module route, and a state-changing one without any CSRF token: bearer requests need none.
    expect((await withBearer(secret, 'GET', '/api/comms/datasets')).statusCode).toBe(200);
    const added = await withBearer(secret, 'POST', '/api/comms/watchlist', {
      entries: [{ number: '+447700900001', subjectRef: 'S-1' }],
    });
    expect(added.statusCode, added.body).toBe(201);

    const listed = (await client.request('GET', '/api/auth/tokens')).json();
    expect(listed).toMatchObject({
      total: 1,
      items: [{ id: token.id, lastUsedAt: clock.now().toISOString() }],
    });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await client.request('DELETE', `/api/auth/tokens/${token.id}`);
    expect(revoked.statusCode).toBe(204);
    const after = await withBearer(secret, 'GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    expect((await client.request('GET', '/api/auth/tokens')).json()).toMatchObject({ total: 0, items: [] });
    const trail = await database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, fields: auditEvents.fields })
      .from(auditEvents)
      .where(eq(auditEvents.recordId, token.id));
    expect(trail).toEqual([
      { action: 'auth.token-create', actorId: user.id, fields: ['name', 'expiresAt', 'tokenHash'] },
      { action: 'auth.token-revoke', actorId: user.id, fields: ['revokedAt'] },
      { action: 'auth.token-rejected', actorId: null, fields: ['revoked'] },
    ]);
  });

  it("never lists or revokes another user's token (404, as if it did not exist)", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const { token, secret } = await createToken(alice.client);
    const theft = await bob.client.request('DELETE', `/api/auth/tokens/${token.id}`);
    expect(theft.statusCode).toBe(404);
    expect(theft.json().error.code).toBe('NOT_FOUND');
    expect((await bob.client.request('GET', '/api/auth/tokens')).json().items).toEqual([]);
    expect((await withBearer(secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
    // Revoked already: not found either.
    expect((await withBearer(secret, 'DELETE', `/api/auth/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await alice.client.request('DELETE', `/api/auth/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it("grant no more than the user's permissions, read afresh on every request", async () => {
    const { user, client } = await signedIn(['analyst']);
    const { secret } = await createToken(client);
    expect((await withBearer(secret, 'GET', '/api/admin/users')).statusCode).toBe(403);
    // Compartments as of the request: a dataset outside the user's is not there, then is.
    const dataset = await createTestDataset(database, 'token-scope');
    const url = `/api/comms/datasets/${dataset.id}`;
    expect((await withBearer(secret, 'GET', url)).statusCode).toBe(404);
    await addMemberships(database.db, user.id, [dataset.compartmentId]);
    expect((await withBearer(secret, 'GET', url)).statusCode).toBe(200);
    // Clearance and roles as of the request.
    await setUserMarkings(database.db, user.id, { clearance: 'OFFICIAL', caveats: [] }, clock.now());
    expect((await withBearer(secret, 'GET', url)).statusCode).toBe(404);
    await setUserRoles(database.db, user.id, ['handler'], clock.now());
    const me = (await withBearer(secret, 'GET', '/api/auth/me')).json();
    expect(me.permissions).not.toContain('comms:read');
    expect((await withBearer(secret, 'GET', '/api/comms/datasets')).statusCode).toBe(403);
    // A disabled user's tokens stop at once.
    await setUserDisabled(database.db, user.id, clock.now(), clock.now());
    expect((await withBearer(secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('are revoked when the administrator disables the account or resets its second factor', async () => {
    const { client: admin } = await signedIn(['admin']);
    const { user, client } = await signedIn(['analyst']);
    const first = await createToken(client);
    expect((await admin.request('POST', `/api/admin/users/${user.id}/disable`)).statusCode).toBe(200);
    expect((await admin.request('POST', `/api/admin/users/${user.id}/enable`)).statusCode).toBe(200);
    // Enabling the account again does not bring the token back.
    expect((await withBearer(first.secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = new TestClient(app);
    expect((await again.signIn(user.username)).statusCode).toBe(200);
    const second = await createToken(again);
    expect((await withBearer(second.secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await admin.request('POST', `/api/admin/users/${user.id}/mfa/reset`)).statusCode).toBe(200);
    expect((await withBearer(second.secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('cannot make tokens or touch two-step verification: those need the signed-in session', async () => {
    const { client } = await signedIn();
    const { secret } = await createToken(client);
    const mint = await withBearer(secret, 'POST', '/api/auth/tokens', { name: 'another' });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.message).toContain('signed-in session');
    expect((await withBearer(secret, 'POST', '/api/auth/mfa/totp/enrol')).statusCode).toBe(403);
    expect((await withBearer(secret, 'POST', '/api/auth/sign-out')).statusCode).toBe(403);
  });

  it('are made only by a session that has passed two-step verification where it is required', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(production);
    expect((await client.signIn(user.username)).statusCode).toBe(200);
    const refused = await client.request('POST', '/api/auth/tokens', { name: 'before enrolment' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
  });

  it('never excuse a session cookie from CSRF: a bearer request with a cookie needs the CSRF header', async () => {
    const { client } = await signedIn();
    const { token, secret } = await createToken(client);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${token.id}`,
      headers: {
        authorization: `Bearer ${secret}`,
        cookie: `lantern_session=${client.cookie('lantern_session')}; lantern_csrf=${client.cookie('lantern_csrf')}`,
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await withBearer(secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('refuse a malformed or unknown token with 401, and an address that keeps guessing with 429', async () => {
    const { client } = await signedIn();
    const { secret } = await createToken(client);
    expect((await withBearer(secret, 'GET', '/api/auth/me', undefined, strict)).statusCode).toBe(200);
    const guesses = ['lnt_short', `lnt_${'A'.repeat(43)}`, 'not-a-token'];
    for (const guess of guesses) {
      const res = await withBearer(guess, 'GET', '/api/auth/me', undefined, strict);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    // Limited: even a good token from that address waits for the minute to pass.
    const limited = await withBearer(secret, 'GET', '/api/auth/me', undefined, strict);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    clock.advance(61_000);
    expect((await withBearer(secret, 'GET', '/api/auth/me', undefined, strict)).statusCode).toBe(200);
  });

  it('refuse an expiry past a year, and stop at their expiry with a message saying so', async () => {
    const { client } = await signedIn();
    const tooLong = await client.request('POST', '/api/auth/tokens', { name: 'x', expiresInDays: 366 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.fields[0].path).toBe('body.expiresInDays');
    const { token, secret } = await createToken(client, { name: 'default expiry' });
    expect(Date.parse(token.expiresAt) - clock.now().getTime()).toBe(90 * 86_400_000);
    clock.advance(90 * 86_400_000);
    const expired = await withBearer(secret, 'GET', '/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toContain('expired');
  });

  it('leave the secret out of every log line and every audit field', async () => {
    lines.length = 0;
    const { client } = await signedIn();
    const { token, secret } = await createToken(client);
    await withBearer(secret, 'GET', '/api/auth/me');
    await withBearer(`${secret.slice(0, -1)}x`, 'GET', '/api/auth/me');
    await withBearer(secret, 'POST', '/api/auth/tokens', { name: 'refused' });
    await withBearer(secret, 'DELETE', `/api/auth/tokens/${token.id}`);
    await withBearer(secret, 'GET', '/api/auth/me');
    expect(lines.length).toBeGreaterThan(5);
    const hash = accessTokenHash(secret);
    const body = secret.slice(4);
    expect(lines.filter((l) => l.includes(body) || l.includes(hash))).toEqual([]);
    expect(lines.some((l) => l.includes('access token created'))).toBe(true);
    const events = await database.db.select().from(auditEvents);
    const text = (e: object) =>
      JSON.stringify(e, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    expect(events.length).toBeGreaterThan(0);
    const leaking = events.filter((e) => text(e).includes(body) || text(e).includes(hash));
    expect(leaking).toEqual([]);
  });
});
