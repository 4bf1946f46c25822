import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestScope } from '../../../platform/request-scope';
import type { CommsServices } from '../comms-services';
import { readImport } from './read-dataset';

/**
 * Asks a running import of this process to stop; the store rolls it back at its next progress
 * report and its history says `cancelled`. The import's dataset must be visible to the scope
 * (else 404, as for an unknown import). False when there was nothing to stop (it had ended, or
 * runs in another process); a request that stops one is audited as `comms.import.cancel`.
 */
export async function cancelImport(
  services: CommsServices,
  importId: string,
  scope: RequestScope,
): Promise<boolean> {
  const job = await readImport(services, importId, scope, { action: 'update', audited: false });
  const cancelled = services.imports.cancel(job.importId);
  if (cancelled)
    await withScopeTx(services.db, scope, (tx) =>
      recordAudit(tx, scope, {
        action: 'comms.import.cancel',
        recordType: 'comms_import',
        recordId: job.importId,
        fields: ['status'],
      }),
    );
  return cancelled;
}
