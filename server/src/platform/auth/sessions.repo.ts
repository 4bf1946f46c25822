import { eq, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type SessionRow, sessions } from './auth.schema';

export async function insertSession(q: Queryable, row: typeof sessions.$inferInsert): Promise<void> {
  await q.insert(sessions).values(row);
}

export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await q.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

export async function touchSession(q: Queryable, tokenHash: string, at: Date): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Removes sessions past their absolute expiry or idle since before `idleCutoff`: ones never
 * presented again would otherwise stay forever (resolveSession only deletes those it is shown).
 */
export async function deleteExpiredSessions(q: Queryable, now: Date, idleCutoff: Date): Promise<number> {
  const rows = await q
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}
