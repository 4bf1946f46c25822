import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import { sessions } from '../auth.schema';
import { userRecoveryCodes, userTotp } from '../mfa.schema';

export type UserTotpRow = typeof userTotp.$inferSelect;

export async function findUserTotp(q: Queryable, userId: string): Promise<UserTotpRow | undefined> {
  const rows = await q.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return rows[0];
}

/** Creates or replaces the user's unconfirmed secret (the caller refuses to replace a confirmed one). */
export async function upsertUnconfirmedTotp(
  q: Queryable,
  userId: string,
  secretEnc: Buffer,
  at: Date,
): Promise<void> {
  await q
    .insert(userTotp)
    .values({ userId, secretEnc, confirmedAt: null, lastUsedStep: null, createdAt: at })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretEnc, confirmedAt: null, lastUsedStep: null, createdAt: at },
    });
}

/**
 * Records `step` as the last accepted one, only if it is newer than the one stored. Returns false
 * when another request accepted this step (or a later one) first: the code was replayed. The
 * check and the write are one statement, so two concurrent uses of a code cannot both pass.
 */
export async function claimTotpStep(q: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await q
    .update(userTotp)
    .set({ lastUsedStep: step })
    .where(
      and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))),
    )
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

export async function markTotpConfirmed(q: Queryable, userId: string, at: Date): Promise<void> {
  await q.update(userTotp).set({ confirmedAt: at }).where(eq(userTotp.userId, userId));
}

export async function deleteUserTotp(q: Queryable, userId: string): Promise<void> {
  await q.delete(userTotp).where(eq(userTotp.userId, userId));
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]): Promise<void> {
  await q.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  if (hashes.length > 0) {
    await q.insert(userRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  }
}

export async function deleteRecoveryCodes(q: Queryable, userId: string): Promise<void> {
  await q.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
}

export async function unusedRecoveryCodes(
  q: Queryable,
  userId: string,
): Promise<{ id: string; codeHash: string }[]> {
  return q
    .select({ id: userRecoveryCodes.id, codeHash: userRecoveryCodes.codeHash })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
}

export async function countUnusedRecoveryCodes(q: Queryable, userId: string): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return rows[0]?.n ?? 0;
}

/** Marks a code used; false if a concurrent request used it first. */
export async function claimRecoveryCode(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(userRecoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(userRecoveryCodes.id, id), isNull(userRecoveryCodes.usedAt)))
    .returning({ id: userRecoveryCodes.id });
  return rows.length > 0;
}

/**
 * Ends the user's other sessions that were only allowed to enrol: they never gave a second
 * factor, so they must not inherit the upgrade that confirming gives this one.
 */
export async function deleteEnrolmentOnlySessions(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.mfaEnrolmentOnly, true)));
}
