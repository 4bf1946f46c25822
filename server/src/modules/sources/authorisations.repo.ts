import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  type NewSourceAuthorisationRow,
  type SourceAuthorisationRow,
  type SourceCcaNoticeRow,
  type SourceCcaRenewalRow,
  type SourceCcaRow,
  type SourceJudicialApprovalRow,
  type SourceRenewalRow,
  type SourceReviewRow,
  sourceAuthorisations,
  sourceCcaNotices,
  sourceCcaRenewals,
  sourceCcas,
  sourceJudicialApprovals,
  sourceRenewals,
  sourceReviews,
} from './sources.schema';

// The queries on authorisations and what hangs off them. Callers reach them only through sources
// they may see (a source loaded with `loadVisible`, or `visibleSourcesIn` for the queue, the
// alerts and the central record); every finder by id also takes the source's id, so an id from
// another source answers as unknown.

const first = <T>(rows: T[]): T | undefined => rows[0];
const many = (ids: readonly string[]) => [...ids];

export function authorisationsOf(
  q: Queryable,
  sourceIds: readonly string[],
): Promise<SourceAuthorisationRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceAuthorisations)
    .where(inArray(sourceAuthorisations.sourceId, many(sourceIds)))
    .orderBy(asc(sourceAuthorisations.appliedAt), asc(sourceAuthorisations.id));
}

export async function findAuthorisation(q: Queryable, sourceId: string, id: string) {
  return first(
    await q
      .select()
      .from(sourceAuthorisations)
      .where(and(eq(sourceAuthorisations.sourceId, sourceId), eq(sourceAuthorisations.id, id))),
  );
}

export async function insertAuthorisation(
  q: Queryable,
  values: NewSourceAuthorisationRow,
): Promise<SourceAuthorisationRow> {
  return (await q.insert(sourceAuthorisations).values(values).returning())[0]!;
}

export async function updateAuthorisation(
  q: Queryable,
  id: string,
  values: Partial<Omit<SourceAuthorisationRow, 'id' | 'sourceId'>>,
): Promise<void> {
  await q.update(sourceAuthorisations).set(values).where(eq(sourceAuthorisations.id, id));
}

export function renewalsOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceRenewalRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceRenewals)
    .where(inArray(sourceRenewals.sourceId, many(sourceIds)))
    .orderBy(asc(sourceRenewals.appliedAt), asc(sourceRenewals.id));
}

export async function findRenewal(q: Queryable, sourceId: string, id: string) {
  return first(
    await q
      .select()
      .from(sourceRenewals)
      .where(and(eq(sourceRenewals.sourceId, sourceId), eq(sourceRenewals.id, id))),
  );
}

export async function insertRenewal(q: Queryable, values: typeof sourceRenewals.$inferInsert) {
  return (await q.insert(sourceRenewals).values(values).returning())[0]!;
}

export async function updateRenewal(
  q: Queryable,
  id: string,
  values: Partial<Omit<SourceRenewalRow, 'id' | 'sourceId' | 'authorisationId'>>,
): Promise<void> {
  await q.update(sourceRenewals).set(values).where(eq(sourceRenewals.id, id));
}

export function reviewsOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceReviewRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceReviews)
    .where(inArray(sourceReviews.sourceId, many(sourceIds)))
    .orderBy(asc(sourceReviews.submittedAt), asc(sourceReviews.id));
}

export async function findReview(q: Queryable, sourceId: string, id: string) {
  return first(
    await q
      .select()
      .from(sourceReviews)
      .where(and(eq(sourceReviews.sourceId, sourceId), eq(sourceReviews.id, id))),
  );
}

export async function insertReview(q: Queryable, values: typeof sourceReviews.$inferInsert) {
  return (await q.insert(sourceReviews).values(values).returning())[0]!;
}

export async function considerReviewRow(
  q: Queryable,
  id: string,
  values: Pick<SourceReviewRow, 'consideredBy' | 'consideredAt' | 'reasons'>,
): Promise<void> {
  await q.update(sourceReviews).set(values).where(eq(sourceReviews.id, id));
}

export function judicialApprovalsOf(
  q: Queryable,
  sourceIds: readonly string[],
): Promise<SourceJudicialApprovalRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceJudicialApprovals)
    .where(inArray(sourceJudicialApprovals.sourceId, many(sourceIds)))
    .orderBy(asc(sourceJudicialApprovals.recordedAt), asc(sourceJudicialApprovals.id));
}

export async function insertJudicialApproval(
  q: Queryable,
  values: typeof sourceJudicialApprovals.$inferInsert,
) {
  await q.insert(sourceJudicialApprovals).values(values);
}

export function ccasOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceCcaRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceCcas)
    .where(inArray(sourceCcas.sourceId, many(sourceIds)))
    .orderBy(asc(sourceCcas.appliedAt), asc(sourceCcas.id));
}

export async function findCca(q: Queryable, sourceId: string, id: string) {
  return first(
    await q
      .select()
      .from(sourceCcas)
      .where(and(eq(sourceCcas.sourceId, sourceId), eq(sourceCcas.id, id))),
  );
}

export async function insertCca(q: Queryable, values: typeof sourceCcas.$inferInsert) {
  return (await q.insert(sourceCcas).values(values).returning())[0]!;
}

export async function updateCca(
  q: Queryable,
  id: string,
  values: Partial<Omit<SourceCcaRow, 'id' | 'sourceId' | 'authorisationId'>>,
): Promise<void> {
  await q.update(sourceCcas).set(values).where(eq(sourceCcas.id, id));
}

export function ccaNoticesOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceCcaNoticeRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceCcaNotices)
    .where(inArray(sourceCcaNotices.sourceId, many(sourceIds)))
    .orderBy(asc(sourceCcaNotices.dueAt), asc(sourceCcaNotices.id));
}

export function ccaRenewalsOf(q: Queryable, sourceId: string): Promise<SourceCcaRenewalRow[]> {
  return q
    .select()
    .from(sourceCcaRenewals)
    .where(eq(sourceCcaRenewals.sourceId, sourceId))
    .orderBy(asc(sourceCcaRenewals.renewedAt), asc(sourceCcaRenewals.id));
}

export async function insertCcaRenewal(q: Queryable, values: typeof sourceCcaRenewals.$inferInsert) {
  await q.insert(sourceCcaRenewals).values(values);
}

export async function insertCcaNotice(q: Queryable, values: typeof sourceCcaNotices.$inferInsert) {
  await q.insert(sourceCcaNotices).values(values);
}

export async function recordCcaNoticeRow(
  q: Queryable,
  id: string,
  values: Pick<SourceCcaNoticeRow, 'notifiedAt' | 'reference' | 'recordedBy'>,
): Promise<void> {
  await q.update(sourceCcaNotices).set(values).where(eq(sourceCcaNotices.id, id));
}
