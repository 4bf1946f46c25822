import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, TestClient } from '../../../../../test/app';
import type { Database } from '../../../db/client';
import { auditEvents } from '../../audit/audit.schema';
import { fixedClock } from '../../clock';
import { recordKeys } from '../../crypto/record-keys.schema';
import { userRecoveryCodes, userTotp } from '../mfa.schema';
import { buildUser } from '../user.factory';
import { codeAt, enrolAndConfirm, signInWith } from './mfa-test-helpers';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-02T10:00:05Z'));

appPerFile((t) => ({ database, app } = t), clock);

/** The next 30-second step, so a fresh code is not a replay of the one used just before. */
function nextStep() {
  clock.advance(30_000);
}

describe('TOTP enrolment', () => {
  it('enrols with a QR code and a secret for manual entry, and /me reports it', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const before = await client.request('GET', '/api/auth/me');
    expect(before.json().mfa).toEqual({ enabled: false, enrolmentRequired: false });

    const enrol = await client.request('POST', '/api/auth/mfa/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const body = enrol.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toContain(`secret=${body.secret}`);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Lantern:/);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not confirmed yet: signing in still needs no code.
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(200);

    const confirm = await client.request('POST', '/api/auth/mfa/totp/confirm', {
      code: codeAt(body.secret, clock),
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const after = await client.request('GET', '/api/auth/me');
    expect(after.statusCode).toBe(200);
    expect(after.json().mfa).toEqual({ enabled: true, enrolmentRequired: false });
    const details = await client.request('GET', '/api/auth/mfa');
    expect(details.json()).toMatchObject({ enabled: true, recoveryCodesRemaining: 10, canDisable: true });
  });

  it('rotates the session token on confirmation: the old one is dead', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const before = client.cookie('lantern_session')!;
    const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json();
    await client.request('POST', '/api/auth/mfa/totp/confirm', { code: codeAt(secret, clock) });
    expect(client.cookie('lantern_session')).not.toBe(before);
    const old = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantern_session: before },
    });
    expect(old.statusCode).toBe(401);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses a wrong confirmation code and keeps the secret unconfirmed', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json();
    const good = codeAt(secret, clock);
    const wrong = good === '000000' ? '111111' : '000000';
    const res = await client.request('POST', '/api/auth/mfa/totp/confirm', { code: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('code');
    const stale = await client.request('POST', '/api/auth/mfa/totp/confirm', {
      code: codeAt(secret, clock, -3),
    });
    expect(stale.statusCode).toBe(400);
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(200);
  });

  it('will not replace a confirmed secret by enrolling again', async () => {
    const user = await buildUser(database.db);
    const { client } = await enrolAndConfirm(app, clock, user.username);
    const again = await client.request('POST', '/api/auth/mfa/totp/enrol');
    expect(again.statusCode).toBe(409);
  });

  it('stores the secret encrypted: the base32 secret appears nowhere in its row', async () => {
    const user = await buildUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username);
    const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json();
    const [row] = await database.db.select().from(userTotp).where(eq(userTotp.userId, user.id));
    expect(row).toBeDefined();
    const raw = row!.secretEnc;
    expect(raw.includes(Buffer.from(secret))).toBe(false);
    expect(raw.toString('latin1')).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret);
    const keys = await database.db
      .select()
      .from(recordKeys)
      .where(and(eq(recordKeys.tableName, 'user_totp'), eq(recordKeys.recordId, user.id)));
    expect(keys).toHaveLength(1);
  });

  it('stores recovery codes only as argon2id hashes', async () => {
    const user = await buildUser(database.db);
    const { recoveryCodes } = await enrolAndConfirm(app, clock, user.username);
    const rows = await database.db
      .select()
      .from(userRecoveryCodes)
      .where(eq(userRecoveryCodes.userId, user.id));
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row.codeHash).toMatch(/^\$argon2id\$/);
    const all = JSON.stringify(rows);
    for (const code of recoveryCodes) expect(all).not.toContain(code);
  });
});

describe('signing in with TOTP', () => {
  it('asks for a code only after the password checked out, then accepts a current one', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    nextStep();

    const noCode = await signInWith(new TestClient(app), { username: user.username });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('MFA_REQUIRED');

    // Without the password, nothing says this account has two-step verification.
    const wrongPassword = await signInWith(new TestClient(app), {
      username: user.username,
      password: 'not the password at all',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');

    const client = new TestClient(app);
    const ok = await signInWith(client, { username: user.username, totp: codeAt(secret, clock) });
    expect(ok.statusCode).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).json().mfa.enabled).toBe(true);
  });

  it('refuses a wrong code with INVALID_CREDENTIALS', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    nextStep();
    const good = codeAt(secret, clock);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const res = await signInWith(new TestClient(app), { username: user.username, totp: wrong });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    const stale = await signInWith(new TestClient(app), {
      username: user.username,
      totp: codeAt(secret, clock, -2),
    });
    expect(stale.statusCode).toBe(401);
  });

  it('accepts a code from one step either side (clock drift)', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    nextStep();
    nextStep();
    const res = await signInWith(new TestClient(app), {
      username: user.username,
      totp: codeAt(secret, clock, -1),
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a replayed code: the same valid code twice, the second is refused', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    nextStep();
    const code = codeAt(secret, clock);
    const first = await signInWith(new TestClient(app), { username: user.username, totp: code });
    expect(first.statusCode).toBe(200);
    const replay = await signInWith(new TestClient(app), { username: user.username, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_CREDENTIALS');
    // An older code still inside the ±1 window is refused too: its step is not after the last used.
    const older = await signInWith(new TestClient(app), {
      username: user.username,
      totp: codeAt(secret, clock, -1),
    });
    expect(older.statusCode).toBe(401);
    // The code used to confirm enrolment cannot be replayed at sign-in either.
    const other = await buildUser(database.db);
    const enrolled = await enrolAndConfirm(app, clock, other.username);
    const confirmCode = codeAt(enrolled.secret, clock);
    const replayConfirm = await signInWith(new TestClient(app), {
      username: other.username,
      totp: confirmCode,
    });
    expect(replayConfirm.statusCode).toBe(401);
  });

  it('refuses concurrent uses of one code: exactly one succeeds', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    nextStep();
    const code = codeAt(secret, clock);
    const results = await Promise.all(
      [0, 1, 2].map(() => signInWith(new TestClient(app), { username: user.username, totp: code })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const user = await buildUser(database.db);
    const { recoveryCodes, client } = await enrolAndConfirm(app, clock, user.username);
    const [code] = recoveryCodes as [string];
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const first = await signInWith(new TestClient(app), { username: user.username, recoveryCode: typed });
    expect(first.statusCode).toBe(200);
    const again = await signInWith(new TestClient(app), { username: user.username, recoveryCode: code });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
    const made = await signInWith(new TestClient(app), {
      username: user.username,
      recoveryCode: 'AAAA-BBBB-CCCC',
    });
    expect(made.statusCode).toBe(401);
    const details = await client.request('GET', '/api/auth/mfa');
    expect(details.json().recoveryCodesRemaining).toBe(9);
  });

  it('refuses a code and a recovery code together', async () => {
    const res = await signInWith(new TestClient(app), {
      username: 'someone',
      totp: '123456',
      recoveryCode: 'AAAA-BBBB-CCCC',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('switching TOTP off', () => {
  it('needs a valid, unused code, then sign-in needs none', async () => {
    const user = await buildUser(database.db);
    const { client, secret } = await enrolAndConfirm(app, clock, user.username);
    const replayed = await client.request('POST', '/api/auth/mfa/totp/disable', {
      code: codeAt(secret, clock),
    });
    expect(replayed.statusCode).toBe(400);
    const traces = await database.db.select().from(auditEvents).where(eq(auditEvents.recordId, user.id));
    expect(traces.map((e) => e.action)).toContain('mfa.disable-code-refused');
    nextStep();
    const ok = await client.request('POST', '/api/auth/mfa/totp/disable', { code: codeAt(secret, clock) });
    expect(ok.statusCode).toBe(204);
    expect((await client.request('GET', '/api/auth/me')).json().mfa.enabled).toBe(false);
    expect((await new TestClient(app).signIn(user.username)).statusCode).toBe(200);
    const codes = await database.db
      .select()
      .from(userRecoveryCodes)
      .where(eq(userRecoveryCodes.userId, user.id));
    expect(codes).toHaveLength(0);
  });
});

describe('audit', () => {
  it('audits enrol, confirm, recovery-code use and disable with field names only', async () => {
    const user = await buildUser(database.db);
    const { client, secret, recoveryCodes } = await enrolAndConfirm(app, clock, user.username);
    await signInWith(new TestClient(app), { username: user.username, recoveryCode: recoveryCodes[0]! });
    nextStep();
    await client.request('POST', '/api/auth/mfa/totp/disable', { code: codeAt(secret, clock) });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.recordId, user.id));
    const actions = events.map((e) => e.action);
    for (const action of ['mfa.enrol', 'mfa.confirm', 'mfa.recovery-code-used', 'mfa.disable']) {
      expect(actions).toContain(action);
    }
    const text = JSON.stringify(events.map(({ seq: _s, leafHash: _l, chainHash: _c, ...rest }) => rest));
    const confirm = events.find((e) => e.action === 'mfa.confirm');
    expect(confirm?.fields).toEqual(['totpConfirmedAt', 'recoveryCodes']);
    expect(text).not.toContain(secret);
    for (const code of recoveryCodes) expect(text).not.toContain(code);
  });
});
