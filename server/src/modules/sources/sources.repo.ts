import { and, asc, count, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { SourceFlagFilter, SourceSortField, SourceStatus } from '#shared/contracts/sources';
import type { Queryable } from '../../db/client';
import { visibleToActor } from '../../platform/access/visibility';
import {
  type NewSourceRow,
  type SourceIdentityRow,
  type SourceRow,
  sourceAuthorisations,
  sourceCcas,
  sourceIdentities,
  sourceRoleRows,
  sources,
} from './sources.schema';

// The queries on the source row and its vault. Lists, counts, searches and the pseudonym check keep
// only the sources the transaction's actor may see (`visibleToActor`, set by `withActorTx`): a
// source out of reach is never read, counted, paged through or compared.
const visible = visibleToActor(sources);

const sortColumns = {
  urn: sources.urn,
  pseudonym: sources.pseudonym,
  status: sources.status,
  createdAt: sources.createdAt,
  expiresAt: sources.expiresAt,
  nextReviewDue: sources.nextReviewDue,
} as const satisfies Record<SourceSortField, unknown>;

export interface SourceFilter {
  q?: string | undefined;
  status?: SourceStatus | undefined;
  /** `YYYY-MM-DD`: the next review, or the expiry, strictly before the start (UTC) of that day. */
  reviewDueBefore?: string | undefined;
  expiresBefore?: string | undefined;
  /** The flags the row and its records give in SQL; `juvenile` needs the vault (list-sources.ts). */
  flag?: Exclude<SourceFlagFilter, 'juvenile'> | undefined;
  /** The instant the flags are read at (the use case's clock). */
  now: Date;
}

const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

/** An instant as a SQL parameter (every driver takes the ISO text). */
const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** An authorisation of the source in force at `now` (granted, unexpired; cancelling sets its status). */
const inForce = (now: Date) =>
  sql`exists (select 1 from ${sourceAuthorisations} a where a.source_id = ${sources.id} and a.status = 'granted' and a.expires_at > ${instant(now)})`;

/** A current holder of `role` on the source at `now`. */
const currentHolder = (role: string, now: Date) =>
  sql`exists (select 1 from ${sourceRoleRows} r where r.source_id = ${sources.id} and r.role = ${role} and r.from_at <= ${instant(now)} and (r.to_at is null or r.to_at > ${instant(now)}))`;

/** The flag filters SQL can answer, as source-facts.ts derives them. */
function flagCondition(flag: SourceFilter['flag'], now: Date): SQL | undefined {
  switch (flag) {
    case 'vulnerable':
      return eq(sources.vulnerable, true);
    case 'cca':
      return sql`exists (select 1 from ${sourceCcas} c join ${sourceAuthorisations} a on a.id = c.authorisation_id where c.source_id = ${sources.id} and c.status = 'granted' and c.expires_at > ${instant(now)} and a.status = 'granted' and a.expires_at > ${instant(now)})`;
    case 'lapsed':
      return sql`(${inForce(now)} and not (${currentHolder('handler', now)} and ${currentHolder('controller', now)}))`;
    default:
      return undefined;
  }
}

/** `q` matches the pseudonym or the URN, case-insensitively; `%`, `_` and `\` match themselves. */
function matching(filter: SourceFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [visible];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(sources.pseudonym, pattern), ilike(sources.urn, pattern)));
  }
  if (filter.status) conditions.push(eq(sources.status, filter.status));
  if (filter.reviewDueBefore) conditions.push(lt(sources.nextReviewDue, startOfDay(filter.reviewDueBefore)));
  if (filter.expiresBefore) conditions.push(lt(sources.expiresAt, startOfDay(filter.expiresBefore)));
  conditions.push(flagCondition(filter.flag, filter.now));
  return and(...conditions);
}

/** One source by id, whether or not the actor may see it: `loadVisible` lets the policy decide. */
export async function findSource(q: Queryable, id: string): Promise<SourceRow | undefined> {
  const rows = await q.select().from(sources).where(eq(sources.id, id)).limit(1);
  return rows[0];
}

export interface SourceListOptions extends SourceFilter {
  sort: { field: SourceSortField; descending: boolean };
  limit: number;
  offset: number;
}

/** One page of the sources the actor may see; ties broken by id so pages never overlap. */
export async function listVisibleSources(q: Queryable, options: SourceListOptions): Promise<SourceRow[]> {
  const column = sortColumns[options.sort.field];
  const order = options.sort.descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  return q
    .select()
    .from(sources)
    .where(matching(options))
    .orderBy(order, asc(sources.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countVisibleSources(q: Queryable, filter: SourceFilter): Promise<number> {
  const rows = await q.select({ n: count() }).from(sources).where(matching(filter));
  return rows[0]?.n ?? 0;
}

/** Every source the actor may see, oldest first (alerts, queue and exports are computed over them). */
export async function allVisibleSources(q: Queryable, limit = 10_000): Promise<SourceRow[]> {
  return q
    .select()
    .from(sources)
    .where(visible)
    .orderBy(asc(sources.createdAt), asc(sources.id))
    .limit(limit);
}

/** Visible sources among these ids. */
export async function visibleSourcesIn(q: Queryable, ids: readonly string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(sources)
    .where(and(visible, inArray(sources.id, [...ids])));
}

/** A source with this pseudonym (any case) among those the actor may see: the uniqueness rule's own view. */
export async function findVisibleSourceByPseudonym(
  q: Queryable,
  pseudonym: string,
): Promise<SourceRow | undefined> {
  const rows = await q
    .select()
    .from(sources)
    .where(and(visible, sql`lower(${sources.pseudonym}) = lower(${pseudonym})`))
    .limit(1);
  return rows[0];
}

/** A source with this pseudonym, whoever may see it: for the console only (the demo's own check). */
export async function findAnySourceByPseudonym(
  q: Queryable,
  pseudonym: string,
): Promise<SourceRow | undefined> {
  const rows = await q.select().from(sources).where(eq(sources.pseudonym, pseudonym)).limit(1);
  return rows[0];
}

/** First key of the advisory locks on pseudonyms ('srcp'), so they meet no other lock. */
const pseudonymLock = 0x73726370;

/** Serialises creations of one pseudonym until the transaction ends (ADR 0015's pattern). */
export async function lockPseudonym(q: Queryable, pseudonym: string): Promise<void> {
  await q.execute(
    sql`select pg_advisory_xact_lock(${pseudonymLock}::integer, hashtext(lower(${pseudonym})))`,
  );
}

/** The next URN number: drawn from a sequence, so a number is never drawn twice. */
export async function nextUrnNumber(q: Queryable): Promise<number> {
  const result = await q.execute(sql`select nextval('source_urn_seq')::int as n`);
  const rows =
    (result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]);
  return Number(rows[0]!.n);
}

export async function insertSource(q: Queryable, values: NewSourceRow): Promise<SourceRow> {
  const rows = await q.insert(sources).values(values).returning();
  return rows[0]!;
}

export async function updateSource(
  q: Queryable,
  id: string,
  values: Partial<
    Pick<
      SourceRow,
      | 'status'
      | 'statusChangedAt'
      | 'statusReason'
      | 'vulnerable'
      | 'expiresAt'
      | 'nextReviewDue'
      | 'updatedAt'
    >
  >,
): Promise<SourceRow> {
  const rows = await q.update(sources).set(values).where(eq(sources.id, id)).returning();
  return rows[0]!;
}

export async function findIdentity(q: Queryable, sourceId: string): Promise<SourceIdentityRow | undefined> {
  const rows = await q
    .select()
    .from(sourceIdentities)
    .where(eq(sourceIdentities.sourceId, sourceId))
    .limit(1);
  return rows[0];
}

export async function identitiesOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceIdentityRow[]> {
  if (sourceIds.length === 0) return [];
  return q
    .select()
    .from(sourceIdentities)
    .where(inArray(sourceIdentities.sourceId, [...sourceIds]));
}

export async function upsertIdentity(q: Queryable, values: SourceIdentityRow): Promise<void> {
  await q
    .insert(sourceIdentities)
    .values(values)
    .onConflictDoUpdate({
      target: sourceIdentities.sourceId,
      set: {
        identityEnc: values.identityEnc,
        birthDateEnc: values.birthDateEnc,
        appropriateAdultRecorded: values.appropriateAdultRecorded,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    });
}
