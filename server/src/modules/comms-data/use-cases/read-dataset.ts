import type { DatasetListQuery, DatasetView, ImportJobView, ImportListQuery } from '#shared/contracts/comms';
import type { Page } from '#shared/contracts/pagination';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { listDatasetsPage } from '../comms.repo';
import { presentImport } from '../comms.presenter';
import type { CommsDatasetRow, CommsImportRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';
import { findImport, listImportsPage } from '../imports.repo';
import { loadDataset, loadDatasetRef } from './load-dataset';

// Rule 5: a dataset's authorisation (the subjects' numbers with it) and its import history are
// sensitive reads, audited in the transaction that reads them like the analyses: who, which record,
// and the names of the fields read — never their values. A read that cannot be audited is not
// answered.

const datasetFields = [
  'name',
  'provider',
  'authorisationRef',
  'authorisedFrom',
  'authorisedTo',
  'authorisedNumbers',
  'classification',
  'caveats',
  'status',
  'counts',
  'destroyed',
] as const satisfies readonly (keyof DatasetView)[];

const importFields = [
  'profile',
  'files',
  'status',
  'progress',
  'result',
  'error',
  'startedBy',
  'startedAt',
  'finishedAt',
] as const satisfies readonly (keyof ImportJobView)[];

/**
 * One page of the datasets the scope may see (a user those they are read into; the console all),
 * each read audited as `comms.dataset.list` with its own id (so an inspector finds every reader of
 * one dataset; one joined id list would outgrow the index). An empty page is audited once, without
 * a record.
 */
export async function listDatasets(
  services: Pick<CommsServices, 'db'>,
  query: DatasetListQuery,
  scope: RequestScope,
): Promise<Page<CommsDatasetRow>> {
  return withScopeTx(services.db, scope, async (tx) => {
    const { rows, total } = await listDatasetsPage(tx, query, { visibleOnly: scope.actor !== null });
    const recordIds = rows.length > 0 ? rows.map((r) => r.id) : [null];
    for (const recordId of recordIds)
      await recordAudit(tx, scope, {
        action: 'comms.dataset.list',
        recordType: 'comms_dataset',
        recordId,
        fields: datasetFields,
      });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  });
}

/**
 * A dataset the scope may see (else 404), its read audited as `comms.dataset.read`. The console
 * names it by id or name.
 */
export async function readDataset(
  services: Pick<CommsServices, 'db'>,
  ref: string,
  scope: RequestScope,
): Promise<CommsDatasetRow> {
  return withScopeTx(services.db, scope, async (tx) => {
    const row = await loadDatasetRef(tx, scope, ref);
    await recordAudit(tx, scope, {
      action: 'comms.dataset.read',
      recordType: 'comms_dataset',
      recordId: row.id,
      fields: datasetFields,
    });
    return row;
  });
}

/**
 * An import as it stands: live from this process while it runs here; once ended, its history row
 * (one source of truth for every process); a job that failed before it had a row (a conflict) from
 * this process.
 */
function currentView(services: Pick<CommsServices, 'imports'>, id: string, row?: CommsImportRow) {
  const live = services.imports.get(id);
  if (live?.status === 'running') return live;
  return row ? presentImport(row) : live;
}

/** One page of the import history of a dataset the scope may see, audited as `comms.import.list`. */
export async function readDatasetImports(
  services: Pick<CommsServices, 'db' | 'imports'>,
  datasetRef: string,
  query: ImportListQuery,
  scope: RequestScope,
): Promise<Page<ImportJobView>> {
  return withScopeTx(services.db, scope, async (tx) => {
    const row = await loadDatasetRef(tx, scope, datasetRef);
    const { rows, total } = await listImportsPage(tx, row.id, query);
    await recordAudit(tx, scope, {
      action: 'comms.import.list',
      recordType: 'comms_dataset',
      recordId: row.id,
      fields: importFields,
    });
    const items = rows.map((r) => currentView(services, r.id, r)!);
    return { items, total, limit: query.limit, offset: query.offset };
  });
}

/**
 * One import, if its dataset is visible to the scope (else 404 as for an unknown import); the read
 * audited as `comms.import.read` when `audited` (the poll and the event stream; a cancellation
 * records its own event).
 */
export async function readImport(
  services: Pick<CommsServices, 'db' | 'imports'>,
  importId: string,
  scope: RequestScope,
  options: { action?: 'read' | 'update'; audited?: boolean } = {},
): Promise<ImportJobView> {
  return withScopeTx(services.db, scope, async (tx) => {
    const job = currentView(services, importId, await findImport(tx, importId));
    if (!job) throw AppError.notFound('Import');
    await loadDataset(tx, scope, job.datasetId, options.action ?? 'read').catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? AppError.notFound('Import') : error;
    });
    if (options.audited ?? true)
      await recordAudit(tx, scope, {
        action: 'comms.import.read',
        recordType: 'comms_import',
        recordId: job.importId,
        fields: importFields,
      });
    return job;
  });
}
