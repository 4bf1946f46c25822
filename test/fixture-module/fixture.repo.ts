import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../server/src/db/client';
import { visibleToActor } from '../../server/src/platform/access/visibility';
import { type FixtureRecordRow, fixtureRecords } from './fixture.schema';

// Every query filters by what the transaction's actor may see: invisible rows are never read,
// counted or paged through.
const visible = visibleToActor(fixtureRecords);

function where(search?: string): SQL | undefined {
  return search
    ? and(visible, ilike(fixtureRecords.title, `%${search.replace(/[%_\\]/g, '\\$&')}%`))
    : visible;
}

export async function findVisibleRecord(q: Queryable, id: string): Promise<FixtureRecordRow | undefined> {
  const rows = await q
    .select()
    .from(fixtureRecords)
    .where(and(visible, eq(fixtureRecords.id, id)))
    .limit(1);
  return rows[0];
}

export async function listVisibleRecords(
  q: Queryable,
  options: { search?: string | undefined; limit: number; offset: number },
): Promise<FixtureRecordRow[]> {
  return q
    .select()
    .from(fixtureRecords)
    .where(where(options.search))
    .orderBy(desc(fixtureRecords.createdAt), fixtureRecords.id)
    .limit(options.limit)
    .offset(options.offset);
}

export async function countVisibleRecords(q: Queryable, search?: string): Promise<number> {
  const rows = await q.select({ n: count() }).from(fixtureRecords).where(where(search));
  return rows[0]?.n ?? 0;
}

export async function insertRecord(
  q: Queryable,
  values: typeof fixtureRecords.$inferInsert,
): Promise<FixtureRecordRow> {
  const rows = await q.insert(fixtureRecords).values(values).returning();
  return rows[0]!;
}

export async function updateRecord(
  q: Queryable,
  id: string,
  values: Partial<FixtureRecordRow>,
): Promise<void> {
  await q.update(fixtureRecords).set(values).where(eq(fixtureRecords.id, id));
}

export async function deleteRecord(q: Queryable, id: string): Promise<void> {
  await q.delete(fixtureRecords).where(eq(fixtureRecords.id, id));
}
