import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { writeAuditEvent } from '../../../platform/audit/audit.service';
import { updateDataset } from '../comms.repo';
import { commsDatasets } from '../comms.schema';
import type { CommsServices } from '../comms-services';
import { interruptRunningImports } from '../import-history';

/**
 * A process killed during an import leaves its dataset's DuckDB file as it was (ADR 0006), but the
 * PostgreSQL row still says `importing`, which would refuse every later import. Run when a process
 * opens the comms services: it holds the data-dir lock, so no other process is importing into a
 * dataset whose file lies in this directory. Such rows get their status and counts back from the
 * file (the source of truth for what is held), audited as `comms.import.abandoned`, and the import's
 * history row says `interrupted`. Rows whose
 * file is not here (another installation's data directory on a shared server) are left alone.
 * Returns the ids recovered.
 */
export async function recoverInterruptedImports(services: CommsServices): Promise<string[]> {
  const { db, clock, store } = services;
  const stuck = await db.select().from(commsDatasets).where(eq(commsDatasets.status, 'importing'));
  const recovered: string[] = [];
  for (const row of stuck) {
    if (!existsSync(store.pathOf(row.id))) continue;
    const ds = store.dataset(row.id);
    const [stats, version] = await Promise.all([ds.stats(), ds.dataVersion()]);
    await db.transaction(async (tx) => {
      await updateDataset(tx, row.id, {
        status: stats.records > 0 ? 'ready' : 'empty',
        records: stats.records,
        numbers: stats.numbers,
        pairs: stats.directedPairs,
        dataVersion: version,
      });
      await interruptRunningImports(tx, row.id, clock.now());
      await writeAuditEvent(tx, clock, {
        actorId: null,
        requestId: null,
        action: 'comms.import.abandoned',
        recordType: 'comms_dataset',
        recordId: row.id,
        fields: ['status', 'records', 'numbers', 'pairs', 'dataVersion'],
      });
    });
    recovered.push(row.id);
  }
  return recovered;
}
