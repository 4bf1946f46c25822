import type { DatasetView, ImportJobView } from '#shared/contracts/comms';
import type { Queryable } from '../../../db/client';
import { writeAuditEvent } from '../../../platform/audit/audit.service';
import type { Actor } from '../../../platform/auth/actor';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { listVisibleDatasets } from '../comms.repo';
import type { CommsDatasetRow, CommsImportRow } from '../comms.schema';
import { listImports } from '../import-history';
import { loadVisibleDataset } from './run-analysis';

// Rule 5: a dataset's authorisation (the subjects' numbers with it) and its import history are
// sensitive reads, audited in the transaction that reads them like the analyses: who, which record, and the
// names of the fields read — never their values. A read that cannot be audited is not answered.

/** Who reads, in their own transaction (`withActorTx`). */
export interface DatasetReader {
  actor: Actor;
  requestId: string;
}

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

function audit(
  tx: Queryable,
  clock: Clock,
  by: DatasetReader,
  event: { action: string; recordType: string; recordId: string | null; fields: readonly string[] },
) {
  return writeAuditEvent(tx, clock, { actorId: by.actor.id, requestId: by.requestId, ...event });
}

/**
 * The datasets the actor may see, each read audited as `comms.dataset.list` with its own id (so an
 * inspector finds every reader of one dataset; one joined id list would outgrow the index). An
 * empty list is audited once, without a record.
 */
export async function listDatasets(
  tx: Queryable,
  clock: Clock,
  by: DatasetReader,
): Promise<CommsDatasetRow[]> {
  const rows = await listVisibleDatasets(tx);
  const recordIds = rows.length > 0 ? rows.map((r) => r.id) : [null];
  for (const recordId of recordIds)
    await audit(tx, clock, by, {
      action: 'comms.dataset.list',
      recordType: 'comms_dataset',
      recordId,
      fields: datasetFields,
    });
  return rows;
}

/** A dataset the actor may see (else 404), its read audited as `comms.dataset.read`. */
export async function readDataset(
  tx: Queryable,
  clock: Clock,
  id: string,
  by: DatasetReader,
): Promise<CommsDatasetRow> {
  const row = await loadVisibleDataset(tx, by.actor, id);
  await audit(tx, clock, by, {
    action: 'comms.dataset.read',
    recordType: 'comms_dataset',
    recordId: row.id,
    fields: datasetFields,
  });
  return row;
}

/** The import history of a dataset the actor may see, audited as `comms.import.list`. */
export async function readDatasetImports(
  tx: Queryable,
  clock: Clock,
  datasetId: string,
  by: DatasetReader,
): Promise<CommsImportRow[]> {
  const row = await loadVisibleDataset(tx, by.actor, datasetId);
  const imports = await listImports(tx, row.id);
  await audit(tx, clock, by, {
    action: 'comms.import.list',
    recordType: 'comms_dataset',
    recordId: row.id,
    fields: importFields,
  });
  return imports;
}

/**
 * Audits the read of one import as `comms.import.read`, if its dataset is visible to the actor;
 * else 404 as for an unknown import.
 */
export async function auditImportRead(
  tx: Queryable,
  clock: Clock,
  job: Pick<ImportJobView, 'importId' | 'datasetId'>,
  by: DatasetReader,
): Promise<void> {
  await loadVisibleDataset(tx, by.actor, job.datasetId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? AppError.notFound('Import') : error;
  });
  await audit(tx, clock, by, {
    action: 'comms.import.read',
    recordType: 'comms_import',
    recordId: job.importId,
    fields: importFields,
  });
}
