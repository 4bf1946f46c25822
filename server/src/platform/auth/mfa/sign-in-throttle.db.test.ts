import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, TestClient } from '../../../../../test/app';
import type { Database } from '../../../db/client';
import { fixedClock } from '../../clock';
import { signInThrottle } from '../mfa.schema';
import { buildUser } from '../user.factory';
import { codeAt, enrolAndConfirm, signInWith } from './mfa-test-helpers';

let database: Database;
let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-03T08:00:00Z'));
const wrongPassword = 'not the password at all';

appPerFile((t) => ({ database, app } = t), clock);

async function attempt(username: string, password?: string) {
  return signInWith(new TestClient(app), password === undefined ? { username } : { username, password });
}

describe('per-account sign-in throttle', () => {
  it('locks a username after 5 failures for 15 minutes, even for the right password, then unlocks', async () => {
    const user = await buildUser(database.db);
    for (let i = 0; i < 5; i++) {
      const res = await attempt(user.username, wrongPassword);
      expect(res.statusCode).toBe(401);
      clock.advance(60_000);
    }
    const locked = await attempt(user.username);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');

    clock.advance(14 * 60_000 - 60_000); // 14 minutes after the 5th failure: still locked
    expect((await attempt(user.username)).statusCode).toBe(429);
    clock.advance(60_000 + 1_000); // just past 15 minutes
    expect((await attempt(user.username)).statusCode).toBe(200);
  });

  it('answers an unknown username exactly like a known one, locked or not', async () => {
    const user = await buildUser(database.db);
    const unknown = `nobody-${user.username}`;
    const known: { status: number; body: unknown }[] = [];
    const missing: { status: number; body: unknown }[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await attempt(user.username, wrongPassword);
      const b = await attempt(unknown, wrongPassword);
      known.push({ status: a.statusCode, body: a.json() });
      missing.push({ status: b.statusCode, body: b.json() });
    }
    expect(known).toEqual(missing);
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password does not get through the lock, and the lock looks the same for both.
    const right = await attempt(user.username);
    const none = await attempt(unknown);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toEqual(none.json());
    clock.advance(15 * 60_000 + 1_000);
  });

  it('takes about the same time for a known and an unknown username', async () => {
    const user = await buildUser(database.db);
    const time = async (username: string) => {
      const start = performance.now();
      await attempt(username, wrongPassword);
      return performance.now() - start;
    };
    await time(`warm-${user.username}`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.username));
      unknown.push(await time(`nobody-${user.username}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    // Both run one argon2 verify; a skipped hash would be ~10x faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.4);
    clock.advance(15 * 60_000 + 1_000);
  });

  it('forgets the failures after a successful sign-in', async () => {
    const user = await buildUser(database.db);
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, wrongPassword)).statusCode).toBe(401);
    expect((await attempt(user.username)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, wrongPassword)).statusCode).toBe(401);
    expect((await attempt(user.username)).statusCode).toBe(200);
  });

  it('counts failures only within 15 minutes', async () => {
    const user = await buildUser(database.db);
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, wrongPassword)).statusCode).toBe(401);
    clock.advance(15 * 60_000 + 1_000);
    expect((await attempt(user.username, wrongPassword)).statusCode).toBe(401);
    expect((await attempt(user.username)).statusCode).toBe(200);
  });

  it('counts wrong TOTP codes too, so the lock also guards the second factor', async () => {
    const user = await buildUser(database.db);
    const { secret } = await enrolAndConfirm(app, clock, user.username);
    clock.advance(30_000);
    const good = codeAt(secret, clock);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const res = await signInWith(new TestClient(app), { username: user.username, totp: wrong });
      expect(res.statusCode).toBe(401);
    }
    const locked = await signInWith(new TestClient(app), { username: user.username, totp: good });
    expect(locked.statusCode).toBe(429);
    clock.advance(15 * 60_000 + 1_000);
  });

  it('keeps no submitted username in the throttle table, only a hash', async () => {
    const typedByMistake = 'my-secret-password-typed-as-username';
    await attempt(typedByMistake, wrongPassword);
    const rows = await database.db.select().from(signInThrottle);
    expect(JSON.stringify(rows)).not.toContain(typedByMistake);
    expect(rows.every((r) => r.username.startsWith('sha256:'))).toBe(true);
  });
});
