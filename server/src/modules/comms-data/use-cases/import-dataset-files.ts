import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportFileView, ImportProgressView } from '#shared/contracts/comms';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import { findDatasetById, updateDataset, updateDatasetUnless } from '../comms.repo';
import type { CommsServices } from '../comms-services';
import { finishImport, insertImport } from '../import-history';
import { progressView, summaryView } from '../import-jobs';
import { assertChangeable, assertNotDestroyed, BUSY_OR_GONE, refusedChange } from './dataset-availability';
import { inputFileAsValidation } from './input-file-validation';
import { resolveProfile } from './provider-profiles';
import type { CellSiteImportResult, ImportProgress, ImportResult } from '../store/index.js';

export interface ImportInput {
  datasetId: string;
  files: string[];
  profile: string;
  actorId: string | null;
  requestId?: string;
  rejectsPath?: string;
  onProgress?: (p: ImportProgress) => void;
  /** The history row's id (the API's job id); a new one by default. */
  importId?: string;
  /** How the files are named in the history (default: the paths given, with their sizes). */
  fileViews?: ImportFileView[];
  /** Aborted when the caller cancelled: the history then says `cancelled`, not `failed`. */
  signal?: AbortSignal;
}

async function describeFiles(files: string[]): Promise<ImportFileView[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: resolve(file),
      bytes: await stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    })),
  );
}

/** The error with each file's path replaced by its name in the history (an upload's temporary path by 'upload'). */
function namedAsGiven(message: string, paths: string[], views: ImportFileView[]): string {
  return paths.reduce((m, path, i) => m.replaceAll(path, views[i]?.name ?? path), message);
}

/**
 * Imports files into a dataset's DuckDB store (atomic there, ADR 0006: an interrupted import leaves
 * the data as it was) and then records the new counts and data version on the dataset row. The
 * import is a row of the dataset's import history (`comms_imports`), written with its outcome in the
 * transaction that records the outcome on the dataset, and audited (`comms.import`,
 * `comms.import.finish` / `.fail`). On failure the dataset row is put back as it was.
 */
export async function importDatasetFiles(services: CommsServices, input: ImportInput): Promise<ImportResult> {
  const { db, clock, store } = services;
  const profile = await resolveProfile(db, input.profile);
  const before = await findDatasetById(db, input.datasetId);
  if (!before) throw AppError.notFound('Dataset');
  assertChangeable(before); // at once, before the files are read
  const audit = {
    actorId: input.actorId,
    requestId: input.requestId ?? null,
    recordType: 'comms_dataset',
    recordId: before.id,
  };
  const files = input.fileViews ?? (await describeFiles(input.files));
  const history = await db.transaction(async (tx) => {
    // Claimed in one statement: of two imports (or an import and a destruction) started together,
    // the second is refused here.
    const claimed = await updateDatasetUnless(tx, before.id, BUSY_OR_GONE, { status: 'importing' });
    if (!claimed) throw refusedChange((await findDatasetById(tx, before.id)) ?? before);
    await recordAudit(tx, clock, { ...audit, action: 'comms.import', fields: ['files', 'profile'] });
    return insertImport(tx, {
      ...(input.importId ? { id: input.importId } : {}),
      datasetId: before.id,
      profileId: profile.id,
      files,
      startedBy: input.actorId,
    });
  });
  const started = Date.now();
  let last: ImportProgressView | null = null;
  const onProgress = (p: ImportProgress) => {
    last = progressView(p, Date.now() - started);
    input.onProgress?.(p);
  };
  const ds = store.dataset(before.id);
  try {
    const options = { onProgress, ...(input.rejectsPath ? { rejectsPath: input.rejectsPath } : {}) };
    const result = await ds.importFiles(input.files, profile, options);
    const [stats, version] = await Promise.all([ds.stats(), ds.dataVersion()]);
    await db.transaction(async (tx) => {
      await updateDataset(tx, before.id, {
        status: 'ready',
        records: stats.records,
        numbers: stats.numbers,
        pairs: stats.directedPairs,
        rejected: before.rejected + result.rejected,
        dataVersion: version,
      });
      await finishImport(tx, history.id, {
        status: 'done',
        finishedAt: clock.now(),
        progress: last,
        result: summaryView(result),
      });
      await recordAudit(tx, clock, {
        ...audit,
        action: 'comms.import.finish',
        fields: ['records', 'numbers', 'pairs', 'rejected', 'dataVersion'],
      });
    });
    services.graphs.forget(before.id);
    return result;
  } catch (error) {
    const failure = inputFileAsValidation(error);
    await db.transaction(async (tx) => {
      await updateDataset(tx, before.id, { status: before.status });
      await finishImport(tx, history.id, {
        status: input.signal?.aborted ? 'cancelled' : 'failed',
        finishedAt: clock.now(),
        progress: last,
        error: namedAsGiven(failure instanceof Error ? failure.message : String(failure), input.files, files),
      });
      await recordAudit(tx, clock, { ...audit, action: 'comms.import.fail', fields: ['status'] });
    });
    throw failure;
  }
}

/**
 * Imports cell sites (CSV: `cell_id,lat,lon[,azimuth]`) into a dataset's store, replacing sites
 * already held; audited as `comms.cell-sites.import`. Sites place cells for co-location within R
 * metres; they do not change the contact graph, so the data version stays.
 */
export async function importDatasetCellSites(
  services: CommsServices,
  input: { datasetId: string; file: string; actorId: string | null; requestId?: string },
): Promise<CellSiteImportResult> {
  const { db, clock, store } = services;
  const row = await findDatasetById(db, input.datasetId);
  if (!row) throw AppError.notFound('Dataset');
  assertNotDestroyed(row);
  const result = await store
    .dataset(row.id)
    .importCellSites(input.file)
    .catch((error: unknown) => {
      throw inputFileAsValidation(error);
    });
  await db.transaction((tx) =>
    recordAudit(tx, clock, {
      actorId: input.actorId,
      requestId: input.requestId ?? null,
      recordType: 'comms_dataset',
      recordId: row.id,
      action: 'comms.cell-sites.import',
      fields: ['cell_sites'],
    }),
  );
  return result;
}
