import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  type SourceAlertRow,
  type SourceApproachRequestRow,
  type SourceApproachRow,
  type SourceAssessmentRow,
  type SourceAuthorityRow,
  type SourceBreakGlassRow,
  type SourceRecruitmentRow,
  type SourceRoleRow,
  sourceAlertRows,
  sourceApproachRequests,
  sourceApproaches,
  sourceAssessments,
  sourceAuthorities,
  sourceBreakGlass,
  sourceRecruitments,
  sourceRoleRows,
} from './sources.schema';

// The records that hang off a source (roles, authorities, approach, recruitment, assessments,
// break-glass requests, event alerts). Callers reach them only through a source they loaded with
// `loadVisible` (or, for lists, through `visibleSourcesIn`): none of these queries filters by
// need-to-know on its own.

const first = <T>(rows: T[]): T | undefined => rows[0];

export function rolesOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceRoleRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceRoleRows)
    .where(inArray(sourceRoleRows.sourceId, [...sourceIds]))
    .orderBy(asc(sourceRoleRows.fromAt), asc(sourceRoleRows.id));
}

export async function findRole(
  q: Queryable,
  sourceId: string,
  id: string,
): Promise<SourceRoleRow | undefined> {
  return first(
    await q
      .select()
      .from(sourceRoleRows)
      .where(and(eq(sourceRoleRows.sourceId, sourceId), eq(sourceRoleRows.id, id))),
  );
}

export async function insertRole(
  q: Queryable,
  values: typeof sourceRoleRows.$inferInsert,
): Promise<SourceRoleRow> {
  return (await q.insert(sourceRoleRows).values(values).returning())[0]!;
}

export async function endRole(q: Queryable, id: string, toAt: Date, endReason: string): Promise<void> {
  await q.update(sourceRoleRows).set({ toAt, endReason }).where(eq(sourceRoleRows.id, id));
}

/** Role periods that ended by `now` and had read their holder in: the read-out sweep's candidates. */
export function endedReadInRoles(q: Queryable, now: Date): Promise<SourceRoleRow[]> {
  return q
    .select()
    .from(sourceRoleRows)
    .where(
      and(eq(sourceRoleRows.readIn, true), isNotNull(sourceRoleRows.toAt), lte(sourceRoleRows.toAt, now)),
    );
}

export function authoritiesOf(q: Queryable, sourceId: string): Promise<SourceAuthorityRow[]> {
  return q
    .select()
    .from(sourceAuthorities)
    .where(eq(sourceAuthorities.sourceId, sourceId))
    .orderBy(asc(sourceAuthorities.addedAt), asc(sourceAuthorities.id));
}

export async function insertAuthority(q: Queryable, values: typeof sourceAuthorities.$inferInsert) {
  await q.insert(sourceAuthorities).values(values);
}

export async function findApproach(q: Queryable, sourceId: string): Promise<SourceApproachRow | undefined> {
  return first(await q.select().from(sourceApproaches).where(eq(sourceApproaches.sourceId, sourceId)));
}

export async function insertApproach(q: Queryable, values: SourceApproachRow): Promise<void> {
  await q.insert(sourceApproaches).values(values);
}

export function approachRequestsOf(
  q: Queryable,
  sourceIds: readonly string[],
): Promise<SourceApproachRequestRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceApproachRequests)
    .where(inArray(sourceApproachRequests.sourceId, [...sourceIds]))
    .orderBy(asc(sourceApproachRequests.requestedAt), asc(sourceApproachRequests.id));
}

export async function insertApproachRequest(
  q: Queryable,
  values: typeof sourceApproachRequests.$inferInsert,
): Promise<void> {
  await q.insert(sourceApproachRequests).values(values);
}

export async function decideApproachRequest(
  q: Queryable,
  id: string,
  values: Pick<SourceApproachRequestRow, 'status' | 'decidedBy' | 'decidedAt' | 'reasons'>,
): Promise<void> {
  await q.update(sourceApproachRequests).set(values).where(eq(sourceApproachRequests.id, id));
}

export async function findRecruitment(
  q: Queryable,
  sourceId: string,
): Promise<SourceRecruitmentRow | undefined> {
  return first(await q.select().from(sourceRecruitments).where(eq(sourceRecruitments.sourceId, sourceId)));
}

export async function insertRecruitment(q: Queryable, values: SourceRecruitmentRow): Promise<void> {
  await q.insert(sourceRecruitments).values(values);
}

export function assessmentsOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceAssessmentRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceAssessments)
    .where(inArray(sourceAssessments.sourceId, [...sourceIds]))
    .orderBy(asc(sourceAssessments.assessedAt), asc(sourceAssessments.id));
}

export async function insertAssessment(q: Queryable, values: typeof sourceAssessments.$inferInsert) {
  await q.insert(sourceAssessments).values(values);
}

export function breakGlassOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceBreakGlassRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceBreakGlass)
    .where(inArray(sourceBreakGlass.sourceId, [...sourceIds]))
    .orderBy(asc(sourceBreakGlass.requestedAt), asc(sourceBreakGlass.id));
}

export async function findBreakGlass(
  q: Queryable,
  sourceId: string,
  id: string,
): Promise<SourceBreakGlassRow | undefined> {
  return first(
    await q
      .select()
      .from(sourceBreakGlass)
      .where(and(eq(sourceBreakGlass.sourceId, sourceId), eq(sourceBreakGlass.id, id))),
  );
}

export async function insertBreakGlass(q: Queryable, values: typeof sourceBreakGlass.$inferInsert) {
  return (await q.insert(sourceBreakGlass).values(values).returning())[0]!;
}

export async function decideBreakGlassRow(
  q: Queryable,
  id: string,
  values: Pick<SourceBreakGlassRow, 'status' | 'decidedBy' | 'decidedAt' | 'reasons' | 'expiresAt'>,
): Promise<void> {
  await q.update(sourceBreakGlass).set(values).where(eq(sourceBreakGlass.id, id));
}

export function eventAlertsOf(q: Queryable, sourceIds: readonly string[]): Promise<SourceAlertRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceAlertRows)
    .where(inArray(sourceAlertRows.sourceId, [...sourceIds]))
    .orderBy(asc(sourceAlertRows.at), asc(sourceAlertRows.id));
}

export async function insertAlert(q: Queryable, values: typeof sourceAlertRows.$inferInsert): Promise<void> {
  await q.insert(sourceAlertRows).values(values);
}
