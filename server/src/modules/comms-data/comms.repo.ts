import { and, asc, count, desc, eq, ilike, max, notInArray, type SQL, sql } from 'drizzle-orm';
import type { DatasetStatus } from '#shared/contracts/comms';
import { parseSort } from '#shared/contracts/pagination';
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

/** `text` as a LIKE pattern matching itself anywhere (its wildcards escaped), bound as a value. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PageRequest<F extends string> {
  limit: number;
  offset: number;
  sort: F | `-${F}`;
  q?: string | undefined;
}

const datasetSorts = { name: commsDatasets.name, createdAt: commsDatasets.createdAt } as const;

/**
 * One page of the datasets (names containing `q`) and their total: those the transaction's actor
 * may see when `visibleOnly` (a user), else all (the console, the installation's operator).
 */
export async function listDatasetsPage(
  q: Queryable,
  page: PageRequest<keyof typeof datasetSorts>,
  options: { visibleOnly: boolean },
): Promise<{ rows: CommsDatasetRow[]; total: number }> {
  const where = and(
    options.visibleOnly ? visible : undefined,
    page.q ? ilike(commsDatasets.name, containing(page.q)) : undefined,
  );
  const { field, descending } = parseSort(page.sort);
  const order = descending ? desc(datasetSorts[field]) : asc(datasetSorts[field]);
  const rows = await q
    .select()
    .from(commsDatasets)
    .where(where)
    .orderBy(order, asc(commsDatasets.id))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await q.select({ n: count() }).from(commsDatasets).where(where);
  return { rows, total: counted?.n ?? 0 };
}

/** Ids of the datasets in a status, whoever may see them (the console's sweeps at start). */
export async function datasetIdsWithStatus(q: Queryable, status: DatasetStatus): Promise<string[]> {
  const rows = await q
    .select({ id: commsDatasets.id })
    .from(commsDatasets)
    .where(eq(commsDatasets.status, status));
  return rows.map((r) => r.id);
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
  unless: readonly DatasetStatus[],
  values: Partial<Omit<CommsDatasetRow, 'id'>>,
): Promise<CommsDatasetRow | undefined> {
  const rows = await q
    .update(commsDatasets)
    .set(values)
    .where(and(eq(commsDatasets.id, id), notInArray(commsDatasets.status, [...unless])))
    .returning();
  return rows[0];
}

export async function insertWatchlistEntries(
  q: Queryable,
  entries: { number: string; subjectRef: string; createdBy: string | null; createdAt?: Date }[],
): Promise<number> {
  const rows = await q.insert(commsWatchlist).values(entries).returning({ id: commsWatchlist.id });
  return rows.length;
}

/** Every watchlist entry, in the order entered (the standing indexes are built from it). */
export async function listWatchlist(q: Queryable): Promise<CommsWatchlistRow[]> {
  return q.select().from(commsWatchlist).orderBy(asc(commsWatchlist.id));
}

const watchlistSorts = { id: commsWatchlist.id, number: commsWatchlist.number } as const;

/** One page of the watchlist: the entries of `number` and/or whose subject reference contains `q`. */
export async function listWatchlistPage(
  q: Queryable,
  page: PageRequest<keyof typeof watchlistSorts> & { number?: string | undefined },
): Promise<{ rows: CommsWatchlistRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    page.number ? eq(commsWatchlist.number, page.number) : undefined,
    page.q ? ilike(commsWatchlist.subjectRef, containing(page.q)) : undefined,
  ];
  const where = and(...conditions);
  const { field, descending } = parseSort(page.sort);
  const order = descending ? desc(watchlistSorts[field]) : asc(watchlistSorts[field]);
  const rows = await q
    .select()
    .from(commsWatchlist)
    .where(where)
    .orderBy(order, asc(commsWatchlist.id))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await q.select({ n: count() }).from(commsWatchlist).where(where);
  return { rows, total: counted?.n ?? 0 };
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
