import type { WatchlistListQuery } from '#shared/contracts/comms';
import type { Page } from '#shared/contracts/pagination';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestScope } from '../../../platform/request-scope';
import { insertWatchlistEntries, listWatchlistPage } from '../comms.repo';
import type { CommsWatchlistRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';

// The watchlist of subjects' numbers that every dataset's standing index cross-matches. Its entries
// name subjects: adding is audited as `comms.watchlist.add`, reading as `comms.watchlist.read`.

const fields = ['number', 'subjectRef'];

/** Adds entries to the watchlist; how many were added. */
export async function addWatchlistEntries(
  services: Pick<CommsServices, 'db'>,
  entries: readonly { number: string; subjectRef: string }[],
  scope: RequestScope,
): Promise<number> {
  return withScopeTx(services.db, scope, async (tx) => {
    const createdBy = scope.actor?.id ?? null;
    const createdAt = scope.clock.now();
    const added = await insertWatchlistEntries(
      tx,
      entries.map((e) => ({ number: e.number, subjectRef: e.subjectRef, createdBy, createdAt })),
    );
    await recordAudit(tx, scope, { action: 'comms.watchlist.add', recordType: 'comms_watchlist', fields });
    return added;
  });
}

/** One page of the watchlist (the entries of one number, with `number`), its read audited. */
export async function readWatchlist(
  services: Pick<CommsServices, 'db'>,
  query: WatchlistListQuery,
  scope: RequestScope,
): Promise<Page<CommsWatchlistRow>> {
  return withScopeTx(services.db, scope, async (tx) => {
    await recordAudit(tx, scope, { action: 'comms.watchlist.read', recordType: 'comms_watchlist', fields });
    const { rows, total } = await listWatchlistPage(tx, query);
    return { items: rows, total, limit: query.limit, offset: query.offset };
  });
}
