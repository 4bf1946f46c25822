import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import { sourceAssessments } from '../sources.schema';
import {
  type SourceConductScheduleRow,
  type SourceContactRow,
  type SourceDisclosureRow,
  type SourceHandlerTaskRow,
  type SourceIntelligenceRow,
  type SourceProductProvenanceRow,
  type SourceProductRow,
  type SourceRewardRow,
  type SourceRiskAssessmentRow,
  type SourceTaskingRow,
  sourceConductSchedules,
  sourceContacts,
  sourceDisclosures,
  sourceHandlerTasks,
  sourceIntelligence,
  sourceProductProvenance,
  sourceProducts,
  sourceRewards,
  sourceRiskAssessments,
  sourceTaskings,
} from './handling.schema';

// Every query of the handling life. Callers reach these rows only through a source they loaded
// with `onSource` (or a list of sources filtered by `visibleToActor`): none filters on its own,
// except the products released to an officer, which are theirs by name.

/** One source's (or several sources') handling rows, oldest first. */
export interface HandlingRecord {
  riskAssessments: SourceRiskAssessmentRow[];
  conductSchedules: SourceConductScheduleRow[];
  taskings: SourceTaskingRow[];
  handlerTasks: SourceHandlerTaskRow[];
  contacts: SourceContactRow[];
  reports: SourceIntelligenceRow[];
  products: (SourceProductRow & { provenance: SourceProductProvenanceRow })[];
  rewards: SourceRewardRow[];
  disclosures: SourceDisclosureRow[];
}

const empty = (): HandlingRecord => ({
  riskAssessments: [],
  conductSchedules: [],
  taskings: [],
  handlerTasks: [],
  contacts: [],
  reports: [],
  products: [],
  rewards: [],
  disclosures: [],
});

/** The handling rows of these sources, by source id: a query per table. */
export async function handlingOf(
  q: Queryable,
  sourceIds: readonly string[],
): Promise<Map<string, HandlingRecord>> {
  const map = new Map(sourceIds.map((id) => [id, empty()]));
  if (sourceIds.length === 0) return map;
  const ids = [...sourceIds];
  const [risk, schedules, taskings, tasks, contacts, reports, products, rewards, disclosures] =
    await Promise.all([
      q
        .select()
        .from(sourceRiskAssessments)
        .where(inArray(sourceRiskAssessments.sourceId, ids))
        .orderBy(asc(sourceRiskAssessments.version)),
      q
        .select()
        .from(sourceConductSchedules)
        .where(inArray(sourceConductSchedules.sourceId, ids))
        .orderBy(asc(sourceConductSchedules.recordedAt), asc(sourceConductSchedules.id)),
      q
        .select()
        .from(sourceTaskings)
        .where(inArray(sourceTaskings.sourceId, ids))
        .orderBy(asc(sourceTaskings.givenAt), asc(sourceTaskings.id)),
      q
        .select()
        .from(sourceHandlerTasks)
        .where(inArray(sourceHandlerTasks.sourceId, ids))
        .orderBy(asc(sourceHandlerTasks.createdAt), asc(sourceHandlerTasks.id)),
      q
        .select()
        .from(sourceContacts)
        .where(inArray(sourceContacts.sourceId, ids))
        .orderBy(asc(sourceContacts.plannedAt), asc(sourceContacts.id)),
      q
        .select()
        .from(sourceIntelligence)
        .where(inArray(sourceIntelligence.sourceId, ids))
        .orderBy(asc(sourceIntelligence.reportedAt), asc(sourceIntelligence.id)),
      q
        .select({ product: sourceProducts, provenance: sourceProductProvenance })
        .from(sourceProductProvenance)
        .innerJoin(sourceProducts, eq(sourceProducts.id, sourceProductProvenance.productId))
        .where(inArray(sourceProductProvenance.sourceId, ids))
        .orderBy(asc(sourceProducts.releasedAt), asc(sourceProducts.id)),
      q
        .select()
        .from(sourceRewards)
        .where(inArray(sourceRewards.sourceId, ids))
        .orderBy(asc(sourceRewards.requestedAt), asc(sourceRewards.id)),
      q
        .select()
        .from(sourceDisclosures)
        .where(inArray(sourceDisclosures.sourceId, ids))
        .orderBy(asc(sourceDisclosures.recordedAt), asc(sourceDisclosures.id)),
    ]);
  const put = <K extends keyof HandlingRecord>(
    key: K,
    rows: (HandlingRecord[K][number] & { sourceId: string })[],
  ) => {
    for (const row of rows) (map.get(row.sourceId)![key] as unknown[]).push(row);
  };
  put('riskAssessments', risk);
  put('conductSchedules', schedules);
  put('taskings', taskings);
  put('handlerTasks', tasks);
  put('contacts', contacts);
  put('reports', reports);
  for (const { product, provenance } of products)
    map.get(provenance.sourceId)!.products.push({ ...product, provenance });
  put('rewards', rewards);
  put('disclosures', disclosures);
  return map;
}

/** A risk assessment: Sources I's welfare record (the rules read it) and its versioned details. */
export async function insertRiskAssessment(
  q: Queryable,
  base: typeof sourceAssessments.$inferInsert,
  details: Omit<typeof sourceRiskAssessments.$inferInsert, 'id'>,
): Promise<SourceRiskAssessmentRow> {
  const [row] = await q.insert(sourceAssessments).values(base).returning({ id: sourceAssessments.id });
  const [risk] = await q
    .insert(sourceRiskAssessments)
    .values({ ...details, id: row!.id })
    .returning();
  return risk!;
}

export async function confirmRiskAssessment(
  q: Queryable,
  id: string,
  values: Pick<
    SourceRiskAssessmentRow,
    'confirmedBy' | 'confirmedAt' | 'explainedToSource' | 'understoodBySource' | 'confirmationNotes'
  >,
): Promise<void> {
  await q.update(sourceRiskAssessments).set(values).where(eq(sourceRiskAssessments.id, id));
}

export async function insertConductSchedule(
  q: Queryable,
  values: typeof sourceConductSchedules.$inferInsert,
) {
  await q.insert(sourceConductSchedules).values(values);
}

export async function insertTasking(
  q: Queryable,
  values: typeof sourceTaskings.$inferInsert,
): Promise<SourceTaskingRow> {
  const [row] = await q.insert(sourceTaskings).values(values).returning();
  return row!;
}

export async function insertHandlerTask(q: Queryable, values: typeof sourceHandlerTasks.$inferInsert) {
  await q.insert(sourceHandlerTasks).values(values);
}

/** A new risk assessment does every re-assessment task open on the source. */
export async function completeHandlerTasks(
  q: Queryable,
  sourceId: string,
  at: Date,
  by: string,
): Promise<void> {
  await q
    .update(sourceHandlerTasks)
    .set({ doneAt: at, doneBy: by })
    .where(and(eq(sourceHandlerTasks.sourceId, sourceId), isNull(sourceHandlerTasks.doneAt)));
}

export async function insertContact(
  q: Queryable,
  values: typeof sourceContacts.$inferInsert,
): Promise<SourceContactRow> {
  const [row] = await q.insert(sourceContacts).values(values).returning();
  return row!;
}

export async function updateContact(
  q: Queryable,
  id: string,
  values: Partial<
    Pick<
      SourceContactRow,
      | 'state'
      | 'occurredAt'
      | 'outcome'
      | 'welfareNotes'
      | 'appropriateAdult'
      | 'flag'
      | 'outcomeBy'
      | 'outcomeAt'
    >
  >,
): Promise<void> {
  await q.update(sourceContacts).set(values).where(eq(sourceContacts.id, id));
}

/** Contacts of these sources planned in [from, to), soonest first. */
export function contactsBetween(
  q: Queryable,
  sourceIds: readonly string[],
  from: Date,
  to: Date,
): Promise<SourceContactRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(sourceContacts)
    .where(
      and(
        inArray(sourceContacts.sourceId, [...sourceIds]),
        gte(sourceContacts.plannedAt, from),
        lt(sourceContacts.plannedAt, to),
      ),
    )
    .orderBy(asc(sourceContacts.plannedAt), asc(sourceContacts.id));
}

export async function insertReport(
  q: Queryable,
  values: typeof sourceIntelligence.$inferInsert,
): Promise<SourceIntelligenceRow> {
  const [row] = await q.insert(sourceIntelligence).values(values).returning();
  return row!;
}

export async function insertProduct(
  q: Queryable,
  product: typeof sourceProducts.$inferInsert,
  provenance: Omit<typeof sourceProductProvenance.$inferInsert, 'productId'>,
): Promise<SourceProductRow> {
  const [row] = await q.insert(sourceProducts).values(product).returning();
  await q.insert(sourceProductProvenance).values({ ...provenance, productId: row!.id });
  return row!;
}

/** Products released to `userId`, newest first (the caller checks the markings they hold). */
export function productsReleasedTo(
  q: Queryable,
  userId: string,
  limit: number,
  since?: Date,
): Promise<SourceProductRow[]> {
  return q
    .select()
    .from(sourceProducts)
    .where(
      and(
        arrayContains(sourceProducts.recipientIds, [userId]),
        since ? gte(sourceProducts.releasedAt, since) : undefined,
      ),
    )
    .orderBy(desc(sourceProducts.releasedAt), desc(sourceProducts.id))
    .limit(limit);
}

export async function insertReward(
  q: Queryable,
  values: typeof sourceRewards.$inferInsert,
): Promise<SourceRewardRow> {
  const [row] = await q.insert(sourceRewards).values(values).returning();
  return row!;
}

export async function updateReward(
  q: Queryable,
  id: string,
  values: Partial<
    Pick<
      SourceRewardRow,
      'state' | 'decidedBy' | 'decidedAt' | 'reasons' | 'paidBy' | 'paidAt' | 'receiptReference'
    >
  >,
): Promise<void> {
  await q.update(sourceRewards).set(values).where(eq(sourceRewards.id, id));
}

export async function insertDisclosure(
  q: Queryable,
  values: typeof sourceDisclosures.$inferInsert,
): Promise<SourceDisclosureRow> {
  const [row] = await q.insert(sourceDisclosures).values(values).returning();
  return row!;
}
