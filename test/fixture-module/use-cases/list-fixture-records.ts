import type { FixtureListQuery } from '../fixture.contract';
import { type Page, parseSort } from '#shared/contracts/pagination';
import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { recordAudit } from '#server/platform/audit/audit.service';
import type { UserScope } from '#server/platform/request-scope';
import { countVisibleFixtureRecords, listVisibleFixtureRecords } from '../fixture.repo';
import type { FixtureRecordRow } from '../fixture.schema';

/**
 * One page of the records the actor may see, filtered in SQL (a hidden record is never read,
 * counted or paged through), sorted and searched. A search is audited by the name of its parameter,
 * never the words searched for.
 */
export function listFixtureRecords(
  ctx: AppContext,
  scope: UserScope,
  query: FixtureListQuery,
): Promise<Page<FixtureRecordRow>> {
  return withActorTx(ctx, scope, async (tx) => {
    if (query.q)
      await recordAudit(tx, scope, {
        action: 'fixture.search',
        recordType: 'fixture_records',
        fields: ['q'],
      });
    const items = await listVisibleFixtureRecords(tx, {
      q: query.q,
      sort: parseSort(query.sort),
      limit: query.limit,
      offset: query.offset,
    });
    const total = await countVisibleFixtureRecords(tx, query.q);
    return { items, total, limit: query.limit, offset: query.offset };
  });
}
