import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, TestClient } from '../../../../../test/app';
import type { Database } from '../../../db/client';
import { fixedClock } from '../../clock';
import { buildUser } from '../user.factory';
import { codeAt, signInWith } from './mfa-test-helpers';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-04T12:00:10Z'));

appPerFile((t) => ({ database, app } = t), clock, { LANTERN_ENV: 'production' });

describe('LANTERN_ENV=production', () => {
  it('forces enrolment: a restricted session until TOTP is confirmed, then a full one', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    expect((await client.signIn(user.username)).statusCode).toBe(200);
    const restrictedToken = client.cookie('lantern_session')!;

    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mfa).toEqual({ enabled: false, enrolmentRequired: true });

    // Any route not marked for enrolment is refused.
    const other = await client.request('POST', '/api/auth/mfa/totp/disable', { code: '123456' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');

    const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json();
    const confirm = await client.request('POST', '/api/auth/mfa/totp/confirm', {
      code: codeAt(secret, clock),
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().mfa).toEqual({ enabled: true, enrolmentRequired: false });

    expect(client.cookie('lantern_session')).not.toBe(restrictedToken);
    const after = await client.request('GET', '/api/auth/me');
    expect(after.json().mfa).toEqual({ enabled: true, enrolmentRequired: false });
    // The restriction is lifted: the same route now answers on its merits (and refuses to disable).
    clock.advance(30_000);
    const disable = await client.request('POST', '/api/auth/mfa/totp/disable', {
      code: codeAt(secret, clock),
    });
    expect(disable.statusCode).toBe(422);
    expect(disable.json().error.code).toBe('RULE_VIOLATION');
    // The restricted token is dead.
    const old = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantern_session: restrictedToken },
    });
    expect(old.statusCode).toBe(401);
  });

  it('ends other enrolment-only sessions of the user when one confirms', async () => {
    const user = await buildUser(database.db);
    const first = new TestClient(app);
    const second = new TestClient(app);
    await first.signIn(user.username);
    await second.signIn(user.username);
    const { secret } = (await first.request('POST', '/api/auth/mfa/totp/enrol')).json();
    clock.advance(30_000);
    expect(
      (await first.request('POST', '/api/auth/mfa/totp/confirm', { code: codeAt(secret, clock) })).statusCode,
    ).toBe(200);
    expect((await second.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await first.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('once enrolled, signing in needs the code and gives a full session', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json();
    await client.request('POST', '/api/auth/mfa/totp/confirm', { code: codeAt(secret, clock) });
    clock.advance(30_000);
    const noCode = await signInWith(new TestClient(app), { username: user.username });
    expect(noCode.json().error.code).toBe('MFA_REQUIRED');
    const fresh = new TestClient(app);
    expect(
      (await signInWith(fresh, { username: user.username, totp: codeAt(secret, clock) })).statusCode,
    ).toBe(200);
    expect((await fresh.request('GET', '/api/auth/me')).json().mfa).toEqual({
      enabled: true,
      enrolmentRequired: false,
    });
  });
});
