import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { FixtureSortField } from './fixture.contract';
import type { Queryable } from '#server/db/client';
import { visibleToActor } from '#server/platform/access/visibility';
import { type FixtureRecordRow, fixtureRecords, type NewFixtureRecord } from './fixture.schema';

// Every query of the module, and nothing else talks SQL for it. Lists, searches, counts and the
// uniqueness check keep only what the transaction's actor may see (`visibleToActor`, set by
// `withActorTx`): a row out of reach is never read, counted, paged through or compared.
const visible = visibleToActor(fixtureRecords);

const sortColumns = {
  reference: fixtureRecords.reference,
  title: fixtureRecords.title,
  classification: fixtureRecords.classification,
  createdAt: fixtureRecords.createdAt,
} as const satisfies Record<FixtureSortField, unknown>;

/** `q` matches the title or the reference, case-insensitively; `%`, `_` and `\` match themselves. */
function matching(q: string | undefined): SQL | undefined {
  if (!q) return visible;
  const pattern = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  return and(visible, or(ilike(fixtureRecords.title, pattern), ilike(fixtureRecords.reference, pattern)));
}

/**
 * One record by id, whether or not the actor may see it: `loadVisible` lets the policy decide, so a
 * hidden record and an unknown id answer alike.
 */
export async function findFixtureRecord(q: Queryable, id: string): Promise<FixtureRecordRow | undefined> {
  const rows = await q.select().from(fixtureRecords).where(eq(fixtureRecords.id, id)).limit(1);
  return rows[0];
}

export interface FixtureListOptions {
  q?: string | undefined;
  sort: { field: FixtureSortField; descending: boolean };
  limit: number;
  offset: number;
}

/** One page of the records the actor may see; ties broken by id so pages never overlap. */
export async function listVisibleFixtureRecords(
  q: Queryable,
  options: FixtureListOptions,
): Promise<FixtureRecordRow[]> {
  const column = sortColumns[options.sort.field];
  return q
    .select()
    .from(fixtureRecords)
    .where(matching(options.q))
    .orderBy(options.sort.descending ? desc(column) : asc(column), asc(fixtureRecords.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countVisibleFixtureRecords(q: Queryable, search?: string): Promise<number> {
  const rows = await q.select({ n: count() }).from(fixtureRecords).where(matching(search));
  return rows[0]?.n ?? 0;
}

/** A record with this reference among those the actor may see (the uniqueness rule's own view). */
export async function findVisibleFixtureRecordByReference(
  q: Queryable,
  reference: string,
): Promise<FixtureRecordRow | undefined> {
  const rows = await q
    .select()
    .from(fixtureRecords)
    .where(and(visible, eq(fixtureRecords.reference, reference)))
    .limit(1);
  return rows[0];
}

/** First key of the advisory locks on references ('fixt'), so they meet no other lock. */
const referenceLock = 0x66697874;

/**
 * Serialises creations of one reference until the transaction ends: no constraint can say "unique
 * among what its readers see", so the second of two concurrent creates waits, then sees the first.
 */
export async function lockFixtureReference(q: Queryable, reference: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(${referenceLock}::integer, hashtext(${reference}))`);
}

export async function insertFixtureRow(q: Queryable, values: NewFixtureRecord): Promise<FixtureRecordRow> {
  const rows = await q.insert(fixtureRecords).values(values).returning();
  return rows[0]!;
}

export async function updateFixtureRow(
  q: Queryable,
  id: string,
  values: Partial<Pick<FixtureRecordRow, 'title' | 'secretEnc' | 'updatedAt'>>,
): Promise<FixtureRecordRow> {
  const rows = await q.update(fixtureRecords).set(values).where(eq(fixtureRecords.id, id)).returning();
  return rows[0]!;
}

export async function deleteFixtureRow(q: Queryable, id: string): Promise<void> {
  await q.delete(fixtureRecords).where(eq(fixtureRecords.id, id));
}
