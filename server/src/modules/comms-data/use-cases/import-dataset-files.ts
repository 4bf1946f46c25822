import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportFileView, ImportProgressView } from '#shared/contracts/comms';
import { printable } from '#shared/printable';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { type AuditEvent, recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { findDatasetById, updateDataset, updateDatasetUnless } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';
import { progressView, summaryView } from '../import-jobs';
import { finishImport, insertImport } from '../imports.repo';
import type { ImportProgress, ImportResult } from '../store/index.js';
import { assertChangeable, BUSY_OR_GONE, refusedChange } from './dataset-availability';
import { inputFileAsValidation } from './input-file-validation';
import { loadDataset } from './load-dataset';
import { resolveProfile } from './provider-profiles';

export interface ImportInput {
  datasetId: string;
  files: string[];
  profile: string;
  rejectsPath?: string;
  onProgress?: (p: ImportProgress) => void;
  /** The history row's id (the API's job id); a new one by default. */
  importId?: string;
  /** How the files are named in the history (default: the paths given, with their sizes). */
  fileViews?: ImportFileView[];
  /** Aborting it cancels the import in whatever step it is in; the history then says `cancelled`. */
  signal?: AbortSignal;
  /**
   * Told of a failure that is not the caller's (a fault of ours or of the machine), to log it: the
   * history and the caller get a readable reason with the import's id instead of its text.
   */
  onInternalError?: (error: unknown, importId: string) => void;
}

async function describeFiles(files: string[]): Promise<ImportFileView[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: printable(resolve(file)),
      bytes: await stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    })),
  );
}

/** The text with each file's path replaced by its name in the history (an upload's temporary path by 'upload'). */
function namedAsGiven(text: string, paths: string[], views: ImportFileView[]): string {
  return paths.reduce((m, path, i) => m.replaceAll(resolve(path), views[i]?.name ?? path), text);
}

/**
 * Why an import failed, as the caller and the history are told it: the caller's mistake (a file
 * that cannot be used, or whose lines cannot all be accounted for) as a validation error naming the
 * field; a cancellation; anything else as a fault of ours, named by the step it stopped in and
 * the import's id (its text, which may quote the file or SQL, goes to the log only).
 */
function importFailure(
  error: unknown,
  context: { cancelled: boolean; phase: string; importId: string },
): AppError {
  if (context.cancelled)
    return new AppError(
      'CONFLICT',
      `The import was cancelled during the ${context.phase} step; nothing was loaded.`,
    );
  const validation = inputFileAsValidation(error);
  if (validation instanceof AppError) return validation;
  if (error instanceof AppError) return error;
  return new AppError(
    'INTERNAL',
    `The import failed during the ${context.phase} step (an error on our side, logged under import ${context.importId}); nothing was loaded.`,
  );
}

/**
 * Imports files into a dataset's DuckDB store (atomic there, ADR 0006: an interrupted import leaves
 * the data as it was) and then records the new counts and data version on the dataset row. The
 * import is a row of the dataset's import history (`comms_imports`), written with its outcome in the
 * transaction that records the outcome on the dataset, and audited (`comms.import`,
 * `comms.import.finish` / `.fail`). Records outside the dataset's authorisation are not loaded
 * (counted out of scope). On failure or cancellation, in any step, the dataset row is put back as it
 * was and the history row ends `failed` or `cancelled` with a readable reason.
 */
export async function importDatasetFiles(
  services: CommsServices,
  input: ImportInput,
  scope: RequestScope,
): Promise<ImportResult> {
  const { db, store } = services;
  const { clock } = scope;
  const profile = await resolveProfile(db, input.profile);
  const before = await withScopeTx(db, scope, (tx) => loadDataset(tx, scope, input.datasetId, 'update'));
  assertChangeable(before); // at once, before the files are read
  const audit = { recordType: 'comms_dataset', recordId: before.id } as const;
  const files = input.fileViews ?? (await describeFiles(input.files));
  const history = await withScopeTx(db, scope, async (tx) => {
    // Claimed in one statement: of two imports (or an import and a destruction) started together,
    // the second is refused here.
    const claimed = await updateDatasetUnless(tx, before.id, BUSY_OR_GONE, { status: 'importing' });
    if (!claimed) throw refusedChange((await findDatasetById(tx, before.id)) ?? before);
    await recordAudit(tx, scope, { ...audit, action: 'comms.import', fields: ['files', 'profile'] });
    return insertImport(tx, {
      ...(input.importId ? { id: input.importId } : {}),
      datasetId: before.id,
      profileId: profile.id,
      files,
      startedBy: scope.actor?.id ?? null,
      startedAt: clock.now(),
    });
  });
  const started = clock.now().getTime();
  let last: ImportProgressView | null = null;
  const onProgress = (p: ImportProgress) => {
    last = progressView(p, clock.now().getTime() - started);
    input.onProgress?.(p);
  };
  const ds = store.dataset(before.id);
  try {
    const result = await ds.importFiles(input.files, profile, {
      onProgress,
      authorised: { from: before.authorisedFrom, to: before.authorisedTo, numbers: before.authorisedNumbers },
      ...(input.rejectsPath ? { rejectsPath: input.rejectsPath } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    result.warnings = result.warnings.map((w) => namedAsGiven(w, input.files, files));
    const [stats, version] = await Promise.all([ds.stats(), ds.dataVersion()]);
    await withScopeTx(db, scope, async (tx) => {
      await updateDataset(tx, before.id, {
        status: 'ready',
        records: stats.records,
        numbers: stats.numbers,
        pairs: stats.directedPairs,
        rejected: before.rejected + result.rejected,
        outOfScope: before.outOfScope + result.outOfScope,
        dataVersion: version,
      });
      await finishImport(tx, history.id, {
        status: 'done',
        finishedAt: clock.now(),
        progress: last,
        result: summaryView(result),
      });
      await recordAudit(tx, scope, {
        ...audit,
        action: 'comms.import.finish',
        fields: ['records', 'numbers', 'pairs', 'rejected', 'outOfScope', 'dataVersion'],
      });
    });
    services.graphs.forget(before.id);
    return result;
  } catch (error) {
    const cancelled = input.signal?.aborted === true;
    const failure = importFailure(error, {
      cancelled,
      phase: (last as ImportProgressView | null)?.phase ?? 'queued',
      importId: history.id,
    });
    if (failure.code === 'INTERNAL') input.onInternalError?.(error, history.id);
    const reason = namedAsGiven(failure.message, input.files, files);
    await recordImportEnd(services, scope, before, history.id, audit, {
      status: cancelled ? 'cancelled' : 'failed',
      finishedAt: clock.now(),
      progress: last,
      error: reason,
    });
    throw new AppError(failure.code, reason, failure.details);
  }
}

/**
 * Ends a failed or cancelled import: the dataset back to its status before, the history row with
 * its outcome, and the audit event, in one transaction. The reason is made printable (an error may
 * quote the file's bytes; PostgreSQL refuses NUL). Should that transaction fail all the same, it
 * is written again with a plain reason, so no import stays `running` and no dataset `importing`.
 */
async function recordImportEnd(
  services: CommsServices,
  scope: RequestScope,
  before: { id: string; status: CommsDatasetRow['status'] },
  importId: string,
  audit: Omit<AuditEvent, 'action'>,
  outcome: {
    status: 'failed' | 'cancelled';
    finishedAt: Date;
    progress: ImportProgressView | null;
    error: string;
  },
): Promise<void> {
  const write = (error: string, progress: ImportProgressView | null) =>
    withScopeTx(services.db, scope, async (tx) => {
      await updateDataset(tx, before.id, { status: before.status });
      await finishImport(tx, importId, { ...outcome, progress, error });
      await recordAudit(tx, scope, { ...audit, action: 'comms.import.fail', fields: ['status'] });
    });
  await write(printable(outcome.error, 2000), outcome.progress).catch(() =>
    write(
      `the import ${outcome.status === 'cancelled' ? 'was cancelled' : 'failed'}; its reason could not be recorded`,
      null,
    ),
  );
}
