import { and, asc, count, desc, eq, ilike, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  ImportFileView,
  ImportJobStatus,
  ImportProgressView,
  ImportSummaryView,
} from '#shared/contracts/comms';
import { parseSort } from '#shared/contracts/pagination';
import type { Queryable } from '../../db/client';
import { containing, type PageRequest } from './comms.repo';
import { type CommsImportRow, commsImports } from './comms.schema';

// The import history (`comms_imports`, ADR 0010): every query of it.

export async function insertImport(
  q: Queryable,
  values: {
    id?: string;
    datasetId: string;
    profileId: string;
    files: ImportFileView[];
    startedBy: string | null;
    startedAt?: Date;
  },
): Promise<CommsImportRow> {
  const rows = await q.insert(commsImports).values(values).returning();
  return rows[0]!;
}

/** Records how a running import ended (a row already ended is left as it is). */
export async function finishImport(
  q: Queryable,
  id: string,
  outcome: {
    status: Exclude<ImportJobStatus, 'running'>;
    finishedAt: Date;
    progress?: ImportProgressView | null;
    result?: ImportSummaryView | null;
    error?: string | null;
  },
): Promise<void> {
  await q
    .update(commsImports)
    .set(outcome)
    .where(and(eq(commsImports.id, id), eq(commsImports.status, 'running')));
}

export async function findImport(q: Queryable, id: string): Promise<CommsImportRow | undefined> {
  const rows = await q.select().from(commsImports).where(eq(commsImports.id, id)).limit(1);
  return rows[0];
}

/** A dataset's imports, newest first (the console's history). */
export async function listImports(q: Queryable, datasetId: string, limit = 100): Promise<CommsImportRow[]> {
  return q
    .select()
    .from(commsImports)
    .where(eq(commsImports.datasetId, datasetId))
    .orderBy(desc(commsImports.startedAt))
    .limit(limit);
}

/** One page of a dataset's imports (profiles containing `q`), and their total. */
export async function listImportsPage(
  q: Queryable,
  datasetId: string,
  page: PageRequest<'startedAt'>,
): Promise<{ rows: CommsImportRow[]; total: number }> {
  const where = and(
    eq(commsImports.datasetId, datasetId),
    page.q ? ilike(commsImports.profileId, containing(page.q)) : undefined,
  );
  const { descending } = parseSort(page.sort);
  const rows = await q
    .select()
    .from(commsImports)
    .where(where)
    .orderBy(descending ? desc(commsImports.startedAt) : asc(commsImports.startedAt), asc(commsImports.id))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await q.select({ n: count() }).from(commsImports).where(where);
  return { rows, total: counted?.n ?? 0 };
}

/** Marks the dataset's imports still `running` as interrupted (their process has gone), with why. */
export async function interruptRunningImports(
  q: Queryable,
  datasetId: string,
  at: Date,
  error: string,
): Promise<void> {
  await q
    .update(commsImports)
    .set({ status: 'interrupted', error, finishedAt: at })
    .where(and(eq(commsImports.datasetId, datasetId), eq(commsImports.status, 'running')));
}

/** Clears the rejected lines (acquired data) kept in a dataset's history; the counts stay. */
export async function clearFirstRejects(q: Queryable, datasetId: string): Promise<void> {
  await q
    .update(commsImports)
    .set({ result: sql`jsonb_set(${commsImports.result}, '{firstRejects}', '[]'::jsonb)` })
    .where(and(eq(commsImports.datasetId, datasetId), isNotNull(commsImports.result)));
}

/** The profiles each dataset's completed imports used (distinct pairs, by dataset then profile). */
export async function profilesOfDoneImports(
  q: Queryable,
  datasetIds: readonly string[],
): Promise<{ datasetId: string; profileId: string }[]> {
  return q
    .selectDistinct({ datasetId: commsImports.datasetId, profileId: commsImports.profileId })
    .from(commsImports)
    .where(and(inArray(commsImports.datasetId, [...datasetIds]), eq(commsImports.status, 'done')))
    .orderBy(commsImports.datasetId, commsImports.profileId);
}
