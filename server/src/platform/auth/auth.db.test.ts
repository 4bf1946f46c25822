import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, buildTestApp, TestClient } from '../../../../test/app';
import type { Database } from '../../db/client';
import { fixedClock } from '../clock';
import { disableUser } from './use-cases/disable-user';
import { buildUser } from './user.factory';
import { consoleScope } from '../request-scope';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));

appPerFile((t) => ({ database, app } = t), clock);

describe('sign-in', () => {
  it('signs in, answers /me, and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const user = await buildUser(database.db, { roles: ['analyst'] });
    const client = new TestClient(app);
    const res = await client.signIn(user.username);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: user.id, username: user.username, displayName: user.username, roles: ['analyst'] },
    });
    const cookie = res.cookies.find((c) => c.name === 'lantern_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.body).not.toContain('password');
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const user = await buildUser(database.db);
    const wrong = await new TestClient(app).signIn(user.username, 'not the password at all');
    const unknown = await new TestClient(app).signIn('nobody-by-this-name', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rotates the session id at sign-in: the old token is dead afterwards', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const first = client.cookie('lantern_session');
    await client.signIn(user.username);
    const second = client.cookie('lantern_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const replay = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantern_session: first! },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('sign-out kills the session on the server, so a copied cookie stops working', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const token = client.cookie('lantern_session')!;
    const out = await client.request('POST', '/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    const replay = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantern_session: token },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a disabled user loses access on the next request', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await disableUser(database.db, user.username, consoleScope(clock));
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(401);
  });

  it('enforces the idle and absolute session timeouts on the server', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    clock.advance(29 * 60_000);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000); // idle for longer than 30 minutes
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);

    await client.signIn(user.username);
    for (let i = 0; i < 25; i++) {
      clock.advance(29 * 60_000); // active, but past the 12-hour absolute limit in the end
      const res = await client.request('GET', '/api/auth/me');
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('refuses a state-changing request with a session but without the CSRF header', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: {
        lantern_session: client.cookie('lantern_session')!,
        lantern_csrf: client.cookie('lantern_csrf')!,
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const user = await buildUser(database.db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { username: user.username, password: 'correct horse battery staple' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('throttles sign-in attempts per address', async () => {
    const throttled = await buildTestApp(database, clock, { LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await new TestClient(throttled).signIn('nobody-here', 'wrong password 123');
      statuses.push(res.statusCode);
    }
    await throttled.close();
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
