import { type Page, parseSort } from '#shared/contracts/pagination';
import type { OfficerRef, SourceCountQuery, SourceListQuery } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import type { SourceFacts } from '../source-facts';
import { loadFacts, officersOf } from '../source-state';
import { countVisibleSources, listVisibleSources } from '../sources.repo';

export interface SourcePageResult extends Page<SourceFacts> {
  officers: Map<string, OfficerRef>;
}

/**
 * One page of the register the actor may see, filtered in SQL (a source out of reach is never
 * read, counted or paged through), sorted, searched by pseudonym or URN and filtered by status. A
 * search is audited by its parameter's name, never the words.
 */
export function listSources(
  ctx: AppContext,
  scope: UserScope,
  query: SourceListQuery,
): Promise<SourcePageResult> {
  return withActorTx(ctx, scope, async (tx) => {
    if (query.q)
      await recordAudit(tx, scope, { action: 'sources.search', recordType: 'sources', fields: ['q'] });
    const filter = { q: query.q, status: query.status };
    const rows = await listVisibleSources(tx, {
      ...filter,
      sort: parseSort(query.sort),
      limit: query.limit,
      offset: query.offset,
    });
    const total = await countVisibleSources(tx, filter);
    const facts = await loadFacts(ctx, tx, rows);
    const items = rows.map((r) => facts.get(r.id)!);
    const officers = await officersOf(
      tx,
      items.flatMap((f) => f.roles.map((r) => r.userId)),
    );
    return { items, total, limit: query.limit, offset: query.offset, officers };
  });
}

/** How many sources the actor may see match the filter. */
export function countSources(ctx: AppContext, scope: UserScope, query: SourceCountQuery): Promise<number> {
  return withActorTx(ctx, scope, (tx) => countVisibleSources(tx, { q: query.q, status: query.status }));
}
