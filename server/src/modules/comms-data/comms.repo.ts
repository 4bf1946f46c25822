import { and, asc, count, eq, max, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { visibleToActor } from '../../platform/access/visibility';
import {
  type CommsDatasetRow,
  type CommsProfileRow,
  type CommsWatchlistRow,
  commsDatasets,
  commsProfiles,
  commsWatchlist,
} from './comms.schema';

// Datasets are protected records: every read filters by what the transaction's actor may see.
const visible = visibleToActor(commsDatasets);

export async function findVisibleDataset(q: Queryable, id: string): Promise<CommsDatasetRow | undefined> {
  const rows = await q
    .select()
    .from(commsDatasets)
    .where(and(visible, eq(commsDatasets.id, id)))
    .limit(1);
  return rows[0];
}

export async function listVisibleDatasets(q: Queryable): Promise<CommsDatasetRow[]> {
  return q.select().from(commsDatasets).where(visible).orderBy(asc(commsDatasets.name));
}

/** A dataset of that name the transaction's actor may see (names are unique only among those). */
export async function findVisibleDatasetByName(
  q: Queryable,
  name: string,
): Promise<CommsDatasetRow | undefined> {
  const rows = await q
    .select()
    .from(commsDatasets)
    .where(and(visible, eq(commsDatasets.name, name)))
    .limit(1);
  return rows[0];
}

/** First key of the advisory locks on dataset names ('comm'), so they meet no other lock. */
const datasetNameLock = 0x636f6d6d;

/**
 * Holds an advisory lock on the name until the transaction ends: two creates of one name run one
 * after the other and the second sees the first. No constraint can say "unique among the datasets
 * the creator can see"; names hashing alike only wait for each other.
 */
export async function lockDatasetName(q: Queryable, name: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(${datasetNameLock}::integer, hashtext(${name}))`);
}

/** For the console (CLI), which acts as the operator of the installation, not as a user. */
export async function findDatasetByName(q: Queryable, name: string): Promise<CommsDatasetRow | undefined> {
  const rows = await q.select().from(commsDatasets).where(eq(commsDatasets.name, name)).limit(1);
  return rows[0];
}

export async function findDatasetById(q: Queryable, id: string): Promise<CommsDatasetRow | undefined> {
  const rows = await q.select().from(commsDatasets).where(eq(commsDatasets.id, id)).limit(1);
  return rows[0];
}

export async function listAllDatasets(q: Queryable): Promise<CommsDatasetRow[]> {
  return q.select().from(commsDatasets).orderBy(asc(commsDatasets.name));
}

export async function insertDataset(
  q: Queryable,
  values: typeof commsDatasets.$inferInsert,
): Promise<CommsDatasetRow> {
  const rows = await q.insert(commsDatasets).values(values).returning();
  return rows[0]!;
}

export async function updateDataset(
  q: Queryable,
  id: string,
  values: Partial<Omit<CommsDatasetRow, 'id'>>,
): Promise<void> {
  await q.update(commsDatasets).set(values).where(eq(commsDatasets.id, id));
}

/**
 * Sets `values` on the dataset unless its status is one of `unless`, in one statement, so of two
 * concurrent changes (two imports, an import and a destruction) only the first takes effect.
 * The updated row, or undefined when the status refused it.
 */
export async function updateDatasetUnless(
  q: Queryable,
  id: string,
  unless: string[],
  values: Partial<Omit<CommsDatasetRow, 'id'>>,
): Promise<CommsDatasetRow | undefined> {
  const rows = await q
    .update(commsDatasets)
    .set(values)
    .where(and(eq(commsDatasets.id, id), notInArray(commsDatasets.status, unless)))
    .returning();
  return rows[0];
}

export async function insertWatchlistEntries(
  q: Queryable,
  entries: { number: string; subjectRef: string; createdBy: string | null }[],
): Promise<number> {
  const rows = await q.insert(commsWatchlist).values(entries).returning({ id: commsWatchlist.id });
  return rows.length;
}

export async function listWatchlist(
  q: Queryable,
  options: { limit?: number; offset?: number; number?: string } = {},
): Promise<CommsWatchlistRow[]> {
  const where: SQL | undefined = options.number ? eq(commsWatchlist.number, options.number) : undefined;
  return q
    .select()
    .from(commsWatchlist)
    .where(where)
    .orderBy(asc(commsWatchlist.id))
    .limit(options.limit ?? 1_000_000)
    .offset(options.offset ?? 0);
}

/** Changes whenever an entry is added or removed: the standing indexes key on it. */
export async function watchlistVersion(q: Queryable): Promise<string> {
  const rows = await q.select({ n: count(), top: max(commsWatchlist.id) }).from(commsWatchlist);
  return `${rows[0]?.n ?? 0}:${rows[0]?.top ?? 0}`;
}

export async function findProfileRow(q: Queryable, id: string): Promise<CommsProfileRow | undefined> {
  const rows = await q.select().from(commsProfiles).where(eq(commsProfiles.id, id)).limit(1);
  return rows[0];
}

export async function listProfileRows(q: Queryable): Promise<CommsProfileRow[]> {
  return q.select().from(commsProfiles).orderBy(asc(commsProfiles.id));
}

/** Inserts a profile unless its id is taken; returns the inserted row (undefined when taken). */
export async function insertProfileRow(
  q: Queryable,
  values: typeof commsProfiles.$inferInsert,
): Promise<CommsProfileRow | undefined> {
  const rows = await q
    .insert(commsProfiles)
    .values(values)
    .onConflictDoNothing({ target: commsProfiles.id })
    .returning();
  return rows[0];
}
