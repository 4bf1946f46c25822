// The sign-in throttle (`sign_in_throttle`): every query of it, and how a submitted username is keyed.
import { createHash } from 'node:crypto';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import { signInThrottle } from '../mfa.schema';

export interface LockoutPolicy {
  /** Failures within `minutes` that lock the username. */
  failures: number;
  /** How long failures are counted, and how long a lock lasts. */
  minutes: number;
}

/**
 * The throttle key of a submitted username. It is hashed because what people type into the
 * username field is sometimes their password; lower-cased so `Alice` and `alice` share a counter.
 */
export function throttleKey(submittedUsername: string): string {
  const normalised = submittedUsername.trim().toLowerCase();
  return `sha256:${createHash('sha256').update(`lantern-sign-in-throttle\u0000${normalised}`).digest('base64url')}`;
}

/** Whether the submitted username is locked at `now` (known and unknown names alike). */
export async function isSignInLocked(q: Queryable, submittedUsername: string, now: Date): Promise<boolean> {
  const rows = await q
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(eq(signInThrottle.username, throttleKey(submittedUsername)))
    .limit(1);
  const lockedUntil = rows[0]?.lockedUntil;
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/**
 * Counts one failure for the submitted username, in one statement so concurrent failures all
 * count. A window older than `minutes` starts again at 1; reaching `failures` sets the lock.
 * Returns whether the username is now locked.
 */
export async function recordSignInFailure(
  q: Queryable,
  submittedUsername: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<boolean> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const windowCutoff = sql`${new Date(now.getTime() - policy.minutes * 60_000).toISOString()}::timestamptz`;
  const lockUntil = new Date(now.getTime() + policy.minutes * 60_000);
  const windowExpired = sql`${signInThrottle.windowStart} <= ${windowCutoff}`;
  const nextFailures = sql`case when ${windowExpired} then 1 else ${signInThrottle.failures} + 1 end`;
  const rows = await q
    .insert(signInThrottle)
    .values({
      username: throttleKey(submittedUsername),
      failures: 1,
      windowStart: now,
      lockedUntil: policy.failures <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: signInThrottle.username,
      set: {
        failures: nextFailures,
        windowStart: sql`case when ${windowExpired} then ${nowSql} else ${signInThrottle.windowStart} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${policy.failures} then ${lockUntil.toISOString()}::timestamptz else ${signInThrottle.lockedUntil} end`,
      },
    })
    .returning({ lockedUntil: signInThrottle.lockedUntil });
  const lockedUntil = rows[0]?.lockedUntil;
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/** A successful sign-in forgets the username's failures. */
export async function resetSignInFailures(q: Queryable, submittedUsername: string): Promise<void> {
  await q.delete(signInThrottle).where(eq(signInThrottle.username, throttleKey(submittedUsername)));
}

/**
 * Forgets usernames whose failure window and lock have both run out; without it every name ever
 * guessed would stay in the table.
 */
export async function deleteStaleThrottleRows(
  q: Queryable,
  now: Date,
  policy: LockoutPolicy,
): Promise<number> {
  const windowCutoff = new Date(now.getTime() - policy.minutes * 60_000);
  const rows = await q
    .delete(signInThrottle)
    .where(
      and(
        lte(signInThrottle.windowStart, windowCutoff),
        or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)),
      ),
    )
    .returning({ username: signInThrottle.username });
  return rows.length;
}
