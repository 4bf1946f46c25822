import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ImportAccepted } from '#shared/contracts/comms';
import { withScopeTx } from '../../../platform/access/actor-tx';
import type { RequestScope } from '../../../platform/request-scope';
import type { CommsServices } from '../comms-services';
import { saveUpload } from '../upload-file';
import { assertChangeable } from './dataset-availability';
import { importDatasetFiles } from './import-dataset-files';
import { loadDataset } from './load-dataset';
import { resolveProfile } from './provider-profiles';

/**
 * An upload into a dataset, over the API: the dataset must be visible (else 404) and changeable
 * (else 409), and the profile known (else 400), before the body is written to `comms/uploads/`, so
 * nobody can fill the disk without being allowed to import. The import then runs on as a job of
 * this process ({@link importDatasetFiles}, its progress live); the upload is removed when it ends.
 */
export async function startImport(
  services: CommsServices,
  input: {
    datasetId: string;
    profile: string;
    /** How the file is named in the history (its name where the caller sent it; default 'upload'). */
    name?: string;
    body: Readable;
    /** Told of a failure that is not the caller's, to log it (see ImportInput.onInternalError). */
    onInternalError?: (error: unknown, importId: string) => void;
  },
  scope: RequestScope,
): Promise<ImportAccepted> {
  const row = await withScopeTx(services.db, scope, (tx) =>
    loadDataset(tx, scope, input.datasetId, 'update'),
  );
  assertChangeable(row); // before the upload is written
  const profile = await resolveProfile(services.db, input.profile);
  const ext = profile.format === 'parquet' ? '.parquet' : '.csv';
  const upload = await saveUpload(input.body, join(services.dir, 'uploads'), ext);
  const rejectsPath = join(services.dir, `${row.id}.${randomUUID()}.rejects.csv`);
  const files = [{ name: input.name ?? 'upload', bytes: upload.bytes }];
  const meta = { datasetId: row.id, profile: profile.id, files, startedBy: scope.actor?.id ?? null };
  const job = services.imports.start(meta, async (onProgress, signal, importId) => {
    try {
      return await importDatasetFiles(
        services,
        {
          datasetId: row.id,
          files: [upload.path],
          fileViews: files,
          importId,
          signal,
          profile: profile.id,
          rejectsPath,
          onProgress,
          ...(input.onInternalError ? { onInternalError: input.onInternalError } : {}),
        },
        scope,
      );
    } finally {
      await rm(upload.path, { force: true });
    }
  });
  return { importId: job.importId, bytes: upload.bytes };
}
