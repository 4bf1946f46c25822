import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/db';
import { loadConfig } from '../../config';
import type { Database } from '../../db/client';
import { fixedClock } from '../clock';
import { sessions } from './auth.schema';
import { isSignInLocked, recordSignInFailure, throttleKey } from './mfa/sign-in-throttle.repo';
import { signInThrottle } from './mfa.schema';
import { hashToken, startSession } from './session.service';
import { sweepExpired } from './sweep-expired';
import { buildUser } from './user.factory';

let database: Database;
const config = loadConfig({ LANTERN_DATA_DIR: '/tmp/lantern-test-unused' });
const clock = fixedClock(new Date('2026-05-01T08:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function sessionExists(token: string) {
  return (
    (
      await database.db
        .select()
        .from(sessions)
        .where(eq(sessions.tokenHash, hashToken(token)))
    ).length === 1
  );
}

describe('housekeeping sweep', () => {
  it('removes idle and expired sessions and spent throttle rows, and keeps live ones', async () => {
    const user = await buildUser(database.db);
    const idle = await startSession(database.db, clock, config.session, user.id, undefined);
    clock.advance(31 * 60_000); // `idle` is now past the 30-minute idle limit
    const live = await startSession(database.db, clock, config.session, user.id, undefined);
    const lockout = { failures: 2, minutes: 15 };
    await recordSignInFailure(database.db, 'spent-name', clock.now(), lockout);
    clock.advance(5 * 60_000);
    for (let i = 0; i < 2; i++) await recordSignInFailure(database.db, 'locked-name', clock.now(), lockout);
    clock.advance(11 * 60_000); // spent-name's window is over; locked-name is still locked

    const removed = await sweepExpired({ database, clock, config: { ...config, signInLockout: lockout } });
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(await sessionExists(idle.token)).toBe(false);
    expect(await sessionExists(live.token)).toBe(true);
    const keys = (await database.db.select().from(signInThrottle)).map((r) => r.username);
    expect(keys).not.toContain(throttleKey('spent-name'));
    expect(keys).toContain(throttleKey('locked-name'));
    expect(await isSignInLocked(database.db, 'locked-name', clock.now())).toBe(true);
  });
});
