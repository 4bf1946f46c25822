import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type {
  ImportFileView,
  ImportJobStatus,
  ImportJobView,
  ImportProgressView,
  ImportSummaryView,
} from '#shared/contracts/comms';
import type { Queryable } from '../../db/client';
import { type CommsImportRow, commsImports } from './comms.schema';

/** The progress of an import that has reported nothing yet. */
export const QUEUED_PROGRESS: ImportProgressView = {
  phase: 'queued',
  rowsDone: 0,
  rowsTotal: null,
  bytesDone: 0,
  bytesTotal: 0,
  rate: 0,
  etaSeconds: null,
};

/** What a process ended during an import leaves: the dataset as it was (ADR 0006). */
export const INTERRUPTED_ERROR =
  'the process ended during the import; the dataset was left as it was before it';

export function importView(row: CommsImportRow): ImportJobView {
  return {
    importId: row.id,
    datasetId: row.datasetId,
    profile: row.profileId,
    files: row.files as ImportFileView[],
    status: row.status as ImportJobStatus,
    progress: (row.progress as ImportProgressView | null) ?? QUEUED_PROGRESS,
    result: (row.result as ImportSummaryView | null) ?? null,
    error: row.error,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function insertImport(
  q: Queryable,
  values: {
    id?: string;
    datasetId: string;
    profileId: string;
    files: ImportFileView[];
    startedBy: string | null;
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

/** A dataset's imports, newest first. */
export async function listImports(q: Queryable, datasetId: string, limit = 100): Promise<CommsImportRow[]> {
  return q
    .select()
    .from(commsImports)
    .where(eq(commsImports.datasetId, datasetId))
    .orderBy(desc(commsImports.startedAt))
    .limit(limit);
}

/** Marks the dataset's imports still `running` as interrupted (their process has gone). */
export async function interruptRunningImports(q: Queryable, datasetId: string, at: Date): Promise<void> {
  await q
    .update(commsImports)
    .set({ status: 'interrupted', error: INTERRUPTED_ERROR, finishedAt: at })
    .where(and(eq(commsImports.datasetId, datasetId), eq(commsImports.status, 'running')));
}

/** Clears the rejected lines (acquired data) kept in a dataset's history; the counts stay. */
export async function clearFirstRejects(q: Queryable, datasetId: string): Promise<void> {
  await q
    .update(commsImports)
    .set({ result: sql`jsonb_set(${commsImports.result}, '{firstRejects}', '[]'::jsonb)` })
    .where(and(eq(commsImports.datasetId, datasetId), isNotNull(commsImports.result)));
}
