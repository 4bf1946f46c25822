import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { CentralRecordQuery } from '#shared/contracts/sources';
import type { Queryable } from '../../db/client';
import { visibleToActor } from '../../platform/access/visibility';
import { type UserRow, users } from '../../platform/auth/auth.schema';
import {
  type SourceAuthorisationRow,
  type SourceRow,
  sourceApproachRequests,
  sourceAuthorisations,
  sourceCcas,
  sourceRenewals,
  sourceReviews,
  sources,
} from './sources.schema';

// The queries behind the AO's queue and the central record: both over authorisations joined to
// the sources the transaction's actor may see, so an authorisation of a hidden source is never
// read, counted or exported.
const visible = visibleToActor(sources);

/** The ids of the visible sources with something waiting for a decision. */
export async function sourcesWithPendingDecisions(q: Queryable): Promise<string[]> {
  const rows = await q
    .selectDistinct({ id: sources.id })
    .from(sources)
    .where(
      and(
        visible,
        or(
          sql`exists (select 1 from ${sourceAuthorisations} a where a.source_id = ${sources.id} and a.status = 'applied')`,
          sql`exists (select 1 from ${sourceRenewals} r where r.source_id = ${sources.id} and r.status = 'applied')`,
          sql`exists (select 1 from ${sourceReviews} v where v.source_id = ${sources.id} and v.considered_at is null)`,
          sql`exists (select 1 from ${sourceCcas} c where c.source_id = ${sources.id} and c.status = 'applied')`,
          sql`exists (select 1 from ${sourceApproachRequests} q where q.source_id = ${sources.id} and q.status = 'requested')`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

const endedAt = sql`coalesce(${sourceAuthorisations.cancelledAt}, ${sourceAuthorisations.expiresAt})`;
const sortColumns = {
  urn: sources.urn,
  grantedAt: sourceAuthorisations.grantedAt,
  endedAt,
} as const;

function centralMatching(search: string | undefined): SQL | undefined {
  const granted = and(visible, isNotNull(sourceAuthorisations.grantedAt));
  if (!search) return granted;
  const pattern = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
  return and(granted, or(ilike(sources.pseudonym, pattern), ilike(sources.urn, pattern)));
}

export interface CentralRecordEntry {
  source: SourceRow;
  authorisation: SourceAuthorisationRow;
}

/** One page of the central record: every authorisation ever granted of a visible source. */
export async function centralRecordEntries(
  q: Queryable,
  query: Pick<CentralRecordQuery, 'q' | 'limit' | 'offset'> & {
    sort: { field: keyof typeof sortColumns; descending: boolean };
  },
): Promise<CentralRecordEntry[]> {
  const column = sortColumns[query.sort.field];
  return q
    .select({ source: sources, authorisation: sourceAuthorisations })
    .from(sourceAuthorisations)
    .innerJoin(sources, eq(sources.id, sourceAuthorisations.sourceId))
    .where(centralMatching(query.q))
    .orderBy(query.sort.descending ? desc(column) : asc(column), asc(sourceAuthorisations.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countCentralRecord(q: Queryable, search: string | undefined): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(sourceAuthorisations)
    .innerJoin(sources, eq(sources.id, sourceAuthorisations.sourceId))
    .where(centralMatching(search));
  return rows[0]?.n ?? 0;
}

/** Active accounts holding any of these job roles (the officers a source's roles may go to). */
export function activeOfficersWithRoles(q: Queryable, roles: readonly string[]): Promise<UserRow[]> {
  return q
    .select()
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        sql`${users.roles} && ${sql`array[${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`}`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}
