import { type Page, parseSort } from '#shared/contracts/pagination';
import type { OfficerRef, SourceCountQuery, SourceListQuery } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import type { Tx } from '../../../db/client';
import { withActorTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import type { SourceFacts } from '../source-facts';
import { loadFacts, officersOf } from '../source-state';
import { countVisibleSources, listVisibleSources, type SourceFilter } from '../sources.repo';
import { isJuvenile } from '../sources.rules';

export interface SourcePageResult extends Page<SourceFacts> {
  officers: Map<string, OfficerRef>;
}

/** Juvenile-filtered registers page in memory over at most this many sources (see listSources). */
const JUVENILE_SCAN_LIMIT = 10_000;

function filterOf(query: SourceCountQuery, now: Date): SourceFilter {
  return {
    q: query.q,
    status: query.status,
    reviewDueBefore: query.reviewDueBefore,
    expiresBefore: query.expiresBefore,
    flag: query.flag === 'juvenile' ? undefined : query.flag,
    now,
  };
}

/**
 * The sources matching every filter but `juvenile`, then those juvenile at `now`: the date of birth
 * is only in the vault, encrypted per source, so SQL cannot filter on it (ADR 0023). The matching
 * rows are read whole (sorted as asked), their dates of birth decrypted in this transaction, and
 * the page cut in memory; the total is the juvenile count.
 */
async function juvenileFacts(
  ctx: AppContext,
  tx: Tx,
  filter: SourceFilter,
  sort: SourceListQuery['sort'],
): Promise<SourceFacts[]> {
  const rows = await listVisibleSources(tx, {
    ...filter,
    sort: parseSort(sort),
    limit: JUVENILE_SCAN_LIMIT,
    offset: 0,
  });
  const facts = await loadFacts(ctx, tx, rows);
  return rows.map((r) => facts.get(r.id)!).filter((f) => isJuvenile(f.identity.dateOfBirth, filter.now));
}

/**
 * One page of the register the actor may see, filtered in SQL (a source out of reach is never
 * read, counted or paged through), sorted, searched by pseudonym or URN and filtered by status,
 * next review, expiry and flag (the juvenile flag after SQL, from the vault). A search is audited
 * by its parameter's name, never the words.
 */
export function listSources(
  ctx: AppContext,
  scope: UserScope,
  query: SourceListQuery,
): Promise<SourcePageResult> {
  return withActorTx(ctx, scope, async (tx) => {
    if (query.q)
      await recordAudit(tx, scope, { action: 'sources.search', recordType: 'sources', fields: ['q'] });
    const filter = filterOf(query, scope.clock.now());
    let items: SourceFacts[];
    let total: number;
    if (query.flag === 'juvenile') {
      const all = await juvenileFacts(ctx, tx, filter, query.sort);
      items = all.slice(query.offset, query.offset + query.limit);
      total = all.length;
    } else {
      const rows = await listVisibleSources(tx, {
        ...filter,
        sort: parseSort(query.sort),
        limit: query.limit,
        offset: query.offset,
      });
      total = await countVisibleSources(tx, filter);
      const facts = await loadFacts(ctx, tx, rows);
      items = rows.map((r) => facts.get(r.id)!);
    }
    const officers = await officersOf(
      tx,
      items.flatMap((f) => f.roles.map((r) => r.userId)),
    );
    return { items, total, limit: query.limit, offset: query.offset, officers };
  });
}

/** How many sources the actor may see match the filter. */
export function countSources(ctx: AppContext, scope: UserScope, query: SourceCountQuery): Promise<number> {
  return withActorTx(ctx, scope, async (tx) => {
    const filter = filterOf(query, scope.clock.now());
    if (query.flag === 'juvenile') return (await juvenileFacts(ctx, tx, filter, 'urn')).length;
    return countVisibleSources(tx, filter);
  });
}
