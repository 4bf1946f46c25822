import { asc, eq } from 'drizzle-orm';
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

export async function setUserDisabled(q: Queryable, id: string, at: Date | null): Promise<void> {
  await q.update(users).set({ disabledAt: at, updatedAt: new Date() }).where(eq(users.id, id));
}
