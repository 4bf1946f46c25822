import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client';
import type { Clock } from '../clock';
import { deleteSession, findSession, insertSession, touchSession } from './sessions.repo';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a new session with a fresh random token (never reuses one the browser sent: fixation). */
export async function startSession(
  q: Queryable,
  clock: Clock,
  policy: SessionPolicy,
  userId: string,
  userAgent: string | undefined,
  options: { mfaEnrolmentOnly?: boolean } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await insertSession(q, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: userAgent?.slice(0, 256) ?? null,
    mfaEnrolmentOnly: options.mfaEnrolmentOnly ?? false,
  });
  return { token, expiresAt };
}

/**
 * Resolves a session token to its user id, enforcing the idle and absolute timeouts on the server.
 * An expired session is deleted, so it can never come back.
 */
export async function resolveSession(
  q: Queryable,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<{ userId: string; tokenHash: string; mfaEnrolmentOnly: boolean } | undefined> {
  const tokenHash = hashToken(token);
  const session = await findSession(q, tokenHash);
  if (!session) return undefined;
  const now = clock.now();
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() > idleLimit) {
    await deleteSession(q, tokenHash);
    return undefined;
  }
  // Write last-seen at most once a minute: it keeps the idle clock right without a write per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(q, tokenHash, now);
  return { userId: session.userId, tokenHash, mfaEnrolmentOnly: session.mfaEnrolmentOnly };
}

export async function endSession(q: Queryable, token: string): Promise<void> {
  await deleteSession(q, hashToken(token));
}
