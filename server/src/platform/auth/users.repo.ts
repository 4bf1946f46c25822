import { and, arrayContains, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '../../db/client';
import { type UserRow, users } from './auth.schema';

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await q.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await q.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return q.select().from(users).orderBy(asc(users.username));
}

export async function insertUser(
  q: Queryable,
  values: { username: string; displayName: string; passwordHash: string; roles: Role[] },
): Promise<UserRow> {
  const rows = await q.insert(users).values(values).returning();
  return rows[0]!;
}

// The changes below take `at`, the change's time from the use case's clock (CONVENTIONS rule 12).

/** Disables the account from `disabledAt` (null: enables it again). */
export async function setUserDisabled(
  q: Queryable,
  id: string,
  disabledAt: Date | null,
  at: Date,
): Promise<void> {
  await q.update(users).set({ disabledAt, updatedAt: at }).where(eq(users.id, id));
}

export async function setUserRoles(q: Queryable, id: string, roles: Role[], at: Date): Promise<void> {
  await q.update(users).set({ roles, updatedAt: at }).where(eq(users.id, id));
}

export async function setUserMarkings(
  q: Queryable,
  id: string,
  markings: { clearance: Classification; caveats: string[] },
  at: Date,
): Promise<void> {
  await q
    .update(users)
    .set({ ...markings, updatedAt: at })
    .where(eq(users.id, id));
}

/**
 * Ids of the active administrators, locking their rows until the transaction ends, so two
 * concurrent changes cannot each remove "another" admin and leave none.
 */
export async function lockActiveAdminIds(q: Queryable): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(arrayContains(users.roles, ['admin']), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Usernames by id; ids that are not user ids (system actors) are skipped. */
export async function usernamesByIds(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => uuidPattern.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.username]));
}
