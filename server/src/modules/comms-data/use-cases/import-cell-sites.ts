import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { CellSiteImportResult } from '#shared/contracts/comms';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestScope } from '../../../platform/request-scope';
import type { CommsServices } from '../comms-services';
import { saveUpload } from '../upload-file';
import { assertNotDestroyed } from './dataset-availability';
import { inputFileAsValidation } from './input-file-validation';
import { loadDataset } from './load-dataset';

/**
 * Imports cell sites (CSV: `cell_id,lat,lon[,azimuth]`) into a dataset's store, replacing sites
 * already held; audited as `comms.cell-sites.import`. Sites place cells for co-location within R
 * metres; they do not change the contact graph, so the data version stays. The file is a path (the
 * console) or an upload, written to `comms/uploads/` only once the dataset is known to be visible
 * and held, and removed afterwards.
 */
export async function importDatasetCellSites(
  services: CommsServices,
  input: { datasetId: string; file: string | Readable },
  scope: RequestScope,
): Promise<CellSiteImportResult> {
  const { db, store } = services;
  const row = await withScopeTx(db, scope, (tx) => loadDataset(tx, scope, input.datasetId, 'update'));
  assertNotDestroyed(row);
  const upload =
    typeof input.file === 'string'
      ? undefined
      : await saveUpload(input.file, join(services.dir, 'uploads'), '.csv');
  try {
    const result = await store
      .dataset(row.id)
      .importCellSites(upload?.path ?? (input.file as string))
      .catch((error: unknown) => {
        throw inputFileAsValidation(error);
      });
    await withScopeTx(db, scope, (tx) =>
      recordAudit(tx, scope, {
        recordType: 'comms_dataset',
        recordId: row.id,
        action: 'comms.cell-sites.import',
        fields: ['cell_sites'],
      }),
    );
    return result;
  } finally {
    if (upload) await rm(upload.path, { force: true });
  }
}
