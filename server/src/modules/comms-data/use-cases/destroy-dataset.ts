import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { datasetIdsWithStatus, findDatasetById, updateDatasetUnless } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';
import { clearFirstRejects } from '../imports.repo';
import { BUSY_OR_GONE, refusedChange } from './dataset-availability';
import { loadDataset } from './load-dataset';

/**
 * Deletes every file of the dataset in the comms directory: its DuckDB file (and WAL), graph
 * snapshots and rejects files, all named `<datasetId>.…`. Idempotent.
 */
async function purgeFiles(services: CommsServices, datasetId: string): Promise<void> {
  services.graphs.forget(datasetId);
  await services.store.deleteDataset(datasetId);
  const names = await readdir(services.dir).catch(() => [] as string[]);
  for (const name of names)
    if (name.startsWith(`${datasetId}.`)) await rm(join(services.dir, name), { force: true });
}

/**
 * Destroys a dataset's acquired records, with a recorded reason: the DuckDB file, graph snapshots
 * and rejects files are deleted, and the first rejected lines kept in its import history (acquired
 * data too) are cleared. The dataset row stays, marked `destroyed` with who, when and why, as the
 * record of what was held and of its destruction; analyses and imports of it are then refused.
 * The row is marked first (audited `comms.dataset.destroy`), so a process killed before the files
 * are gone leaves a dataset nobody can use, whose files {@link completeDestructions} deletes at
 * the next start. A user must see the dataset (else 404) and may delete it (else 403).
 */
export async function destroyDataset(
  services: CommsServices,
  input: { datasetId: string; reason: string },
  scope: RequestScope,
): Promise<CommsDatasetRow> {
  const row = await withScopeTx(services.db, scope, async (tx) => {
    const target = await loadDataset(tx, scope, input.datasetId, 'delete');
    const destroyed = await updateDatasetUnless(tx, target.id, BUSY_OR_GONE, {
      status: 'destroyed',
      destroyedAt: scope.clock.now(),
      destroyedBy: scope.actor?.id ?? null,
      destructionReason: input.reason,
    });
    if (!destroyed) {
      const current = await findDatasetById(tx, target.id);
      throw current ? refusedChange(current) : AppError.notFound('Dataset');
    }
    await clearFirstRejects(tx, destroyed.id);
    await recordAudit(tx, scope, {
      action: 'comms.dataset.destroy',
      recordType: 'comms_dataset',
      recordId: destroyed.id,
      fields: ['status', 'destructionReason'],
    });
    return destroyed;
  });
  await purgeFiles(services, row.id);
  return row;
}

/** Deletes the files of destroyed datasets that a killed process left (run when a process opens). */
export async function completeDestructions(services: CommsServices): Promise<void> {
  const ids = await datasetIdsWithStatus(services.db, 'destroyed');
  const names = await readdir(services.dir).catch(() => [] as string[]);
  for (const id of ids) if (names.some((n) => n.startsWith(`${id}.`))) await purgeFiles(services, id);
}
