import { and, asc, count, desc, eq, gt, ilike, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { accessTokenListQuery } from '#shared/contracts/tokens';
import { parseSort } from '#shared/contracts/pagination';
import type { Queryable } from '../../../db/client';
import { type PersonalAccessTokenRow, personalAccessTokens } from '../tokens.schema';

const t = personalAccessTokens;

export async function insertAccessToken(
  q: Queryable,
  values: { userId: string; name: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<PersonalAccessTokenRow> {
  const rows = await q.insert(t).values(values).returning();
  return rows[0]!;
}

/** The token with this hash, revoked or not (the caller tells the cases apart). */
export async function findAccessTokenByHash(
  q: Queryable,
  tokenHash: string,
): Promise<PersonalAccessTokenRow | undefined> {
  const rows = await q.select().from(t).where(eq(t.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** One of the user's own tokens that is not revoked; another user's id finds nothing. */
export async function findOwnActiveToken(
  q: Queryable,
  userId: string,
  id: string,
): Promise<PersonalAccessTokenRow | undefined> {
  const rows = await q
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.userId, userId), isNull(t.revokedAt)))
    .limit(1)
    .for('update');
  return rows[0];
}

export async function countUsableTokens(q: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.revokedAt), gt(t.expiresAt, now)));
  return rows[0]?.n ?? 0;
}

type ListQuery = z.output<typeof accessTokenListQuery>;

const sortColumns = {
  createdAt: t.createdAt,
  name: t.name,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
} as const;

/** A page of the user's tokens that are not revoked (expired ones included, marked by the presenter). */
export async function listOwnTokens(
  q: Queryable,
  userId: string,
  query: ListQuery,
): Promise<{ rows: PersonalAccessTokenRow[]; total: number }> {
  const filters: SQL[] = [eq(t.userId, userId), isNull(t.revokedAt)];
  if (query.q) filters.push(ilike(t.name, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`));
  const where = and(...filters);
  const { field, descending } = parseSort(query.sort as keyof typeof sortColumns);
  const column = sortColumns[field];
  const rows = await q
    .select()
    .from(t)
    .where(where)
    .orderBy(descending ? desc(column) : asc(column), asc(t.id))
    .limit(query.limit)
    .offset(query.offset);
  const total = (await q.select({ n: count() }).from(t).where(where))[0]?.n ?? 0;
  return { rows, total };
}

export async function revokeToken(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(t).set({ revokedAt: at }).where(eq(t.id, id));
}

/** Revokes every token of the user not yet revoked (a disabled account, a second factor reset). */
export async function revokeTokensOfUser(q: Queryable, userId: string, at: Date): Promise<number> {
  const rows = await q
    .update(t)
    .set({ revokedAt: at })
    .where(and(eq(t.userId, userId), isNull(t.revokedAt)))
    .returning({ id: t.id });
  return rows.length;
}

export async function touchToken(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(t).set({ lastUsedAt: at }).where(eq(t.id, id));
}
