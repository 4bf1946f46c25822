import { existsSync } from 'node:fs';
import { recordAudit } from '../../../platform/audit/audit.service';
import { consoleScope } from '../../../platform/request-scope';
import { datasetIdsWithStatus, updateDataset } from '../comms.repo';
import type { CommsServices } from '../comms-services';
import { interruptRunningImports } from '../imports.repo';

/** What a process ended during an import leaves: the dataset as it was (ADR 0006). */
export const INTERRUPTED_ERROR =
  'the process ended during the import; the dataset was left as it was before it';

/**
 * A process killed during an import leaves its dataset's DuckDB file as it was (ADR 0006), but the
 * PostgreSQL row still says `importing`, which would refuse every later import. Run when a process
 * opens the comms services: it holds the data-dir lock, so no other process is importing into a
 * dataset whose file lies in this directory. Such rows get their status and counts back from the
 * file (the source of truth for what is held), audited as `comms.import.abandoned` by the system
 * (the console's scope), and the import's history row says `interrupted`. Rows whose file is not
 * here (another installation's data directory on a shared server) are left alone. Returns the ids
 * recovered.
 */
export async function recoverInterruptedImports(services: CommsServices): Promise<string[]> {
  const { db, store } = services;
  const scope = consoleScope(services.clock);
  const stuck = await datasetIdsWithStatus(db, 'importing');
  const recovered: string[] = [];
  for (const id of stuck) {
    if (!existsSync(store.pathOf(id))) continue;
    const ds = store.dataset(id);
    const [stats, version] = await Promise.all([ds.stats(), ds.dataVersion()]);
    await db.transaction(async (tx) => {
      await updateDataset(tx, id, {
        status: stats.records > 0 ? 'ready' : 'empty',
        records: stats.records,
        numbers: stats.numbers,
        pairs: stats.directedPairs,
        dataVersion: version,
      });
      await interruptRunningImports(tx, id, scope.clock.now(), INTERRUPTED_ERROR);
      await recordAudit(tx, scope, {
        action: 'comms.import.abandoned',
        recordType: 'comms_dataset',
        recordId: id,
        fields: ['status', 'records', 'numbers', 'pairs', 'dataVersion'],
      });
    });
    recovered.push(id);
  }
  return recovered;
}
