import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Classification } from '#shared/contracts/markings';
import type {
  ConductCategory,
  ContactKind,
  ContactState,
  HandlingCode,
  IntelligenceGrade,
  ReassessmentTrigger,
  RewardKind,
  RewardState,
  RiskAssessmentKind,
  SourceEvaluation,
} from '#shared/contracts/sources-handling';
import { users } from '../../../platform/auth/auth.schema';
import { sourceAssessments, sourceAuthorisations, sources } from '../sources.schema';

// The handling life (issue 21; SI 2000/2725 reg. 3(e)(f)(j)-(n)). Every table hangs off a source and
// is reached only through a source the actor may see (its compartment). Rows are never deleted:
// a correction is a new version naming the one it corrects, who and why.

const at = (name: string) => timestamp(name, { withTimezone: true });
const officer = (name: string) => uuid(name).references(() => users.id);
const sourceRef = () =>
  uuid('source_id')
    .notNull()
    .references(() => sources.id);
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * The details of a risk assessment (reg. 3(e)), versioned, on top of Sources I's welfare record
 * (`source_assessments`, kind `risk` or `enhanced-risk`), which the authorisation rules read.
 */
export const sourceRiskAssessments = pgTable(
  'source_risk_assessments',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => sourceAssessments.id),
    sourceId: sourceRef(),
    version: integer('version').notNull(),
    kind: text('kind').$type<RiskAssessmentKind>().notNull(),
    security: text('security').notNull(),
    welfare: text('welfare').notNull(),
    physicalWelfare: text('physical_welfare'),
    psychologicalWelfare: text('psychological_welfare'),
    conductCovered: textArray('conduct_covered').$type<ConductCategory[]>(),
    reviewBy: at('review_by').notNull(),
    correctsId: uuid('corrects_id'),
    correctionReason: text('correction_reason'),
    assessedBy: officer('assessed_by').notNull(),
    assessedAt: at('assessed_at').notNull(),
    confirmedBy: officer('confirmed_by'),
    confirmedAt: at('confirmed_at'),
    explainedToSource: boolean('explained_to_source'),
    understoodBySource: boolean('understood_by_source'),
    confirmationNotes: text('confirmation_notes'),
  },
  (t) => [index('source_risk_assessments_source_idx').on(t.sourceId)],
);
export type SourceRiskAssessmentRow = typeof sourceRiskAssessments.$inferSelect;

/** The conduct an authorisation covers, recorded by its AO; the latest per authorisation counts. */
export const sourceConductSchedules = pgTable(
  'source_conduct_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    categories: textArray('categories').$type<ConductCategory[]>(),
    notes: text('notes'),
    recordedBy: officer('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('source_conduct_schedules_source_idx').on(t.sourceId)],
);
export type SourceConductScheduleRow = typeof sourceConductSchedules.$inferSelect;

/** Tasks given and demands made of the source (reg. 3(j)). */
export const sourceTaskings = pgTable(
  'source_taskings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    conduct: text('conduct').$type<ConductCategory>().notNull(),
    description: text('description').notNull(),
    dueBy: date('due_by', { mode: 'string' }),
    givenBy: officer('given_by').notNull(),
    givenAt: at('given_at').notNull(),
  },
  (t) => [index('source_taskings_source_idx').on(t.sourceId)],
);
export type SourceTaskingRow = typeof sourceTaskings.$inferSelect;

/** A task for the handler: a re-assessment raised by a trigger, done by the next risk assessment. */
export const sourceHandlerTasks = pgTable(
  'source_handler_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    trigger: text('trigger').$type<ReassessmentTrigger>().notNull(),
    subjectId: uuid('subject_id'),
    details: text('details').notNull(),
    dueAt: at('due_at').notNull(),
    createdBy: officer('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    doneAt: at('done_at'),
    doneBy: uuid('done_by'),
  },
  (t) => [index('source_handler_tasks_source_idx').on(t.sourceId)],
);
export type SourceHandlerTaskRow = typeof sourceHandlerTasks.$inferSelect;

/** Every contact or communication (reg. 3(k)), planned and actual. */
export const sourceContacts = pgTable(
  'source_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    kind: text('kind').$type<ContactKind>().notNull(),
    state: text('state').$type<ContactState>().notNull(),
    plannedAt: at('planned_at').notNull(),
    occurredAt: at('occurred_at'),
    location: text('location'),
    coverStory: text('cover_story'),
    safetyArrangements: text('safety_arrangements'),
    fallbackContact: text('fallback_contact'),
    officerIds: uuid('officer_ids').array().notNull().default(sql`'{}'::uuid[]`),
    otherAttendees: textArray('other_attendees'),
    appropriateAdult: text('appropriate_adult'),
    summary: text('summary'),
    outcome: text('outcome'),
    welfareNotes: text('welfare_notes'),
    flag: text('flag').$type<'status-drift' | 'contact-after-cancellation'>(),
    recordedBy: officer('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
    outcomeBy: officer('outcome_by'),
    outcomeAt: at('outcome_at'),
  },
  (t) => [
    index('source_contacts_source_idx').on(t.sourceId),
    index('source_contacts_planned_idx').on(t.plannedAt),
  ],
);
export type SourceContactRow = typeof sourceContacts.$inferSelect;

/** Intelligence obtained (reg. 3(l)), graded 3x5x2; the raw report, in the source's compartment. */
export const sourceIntelligence = pgTable(
  'source_intelligence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    contactId: uuid('contact_id').references(() => sourceContacts.id),
    reportedAt: at('reported_at').notNull(),
    report: text('report').notNull(),
    sourceEvaluation: text('source_evaluation').$type<SourceEvaluation>().notNull(),
    intelligenceGrade: text('intelligence_grade').$type<IntelligenceGrade>().notNull(),
    handling: text('handling').$type<HandlingCode>().notNull(),
    handlingConditions: text('handling_conditions'),
    recordedBy: officer('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('source_intelligence_source_idx').on(t.sourceId)],
);
export type SourceIntelligenceRow = typeof sourceIntelligence.$inferSelect;

/**
 * A sanitised product (reg. 3(m)): what leaves the compartment. It names neither its source nor its
 * report: the provenance is in `source_product_provenance`, read only through the source.
 */
export const sourceProducts = pgTable('source_products', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull().unique(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  classification: text('classification').$type<Classification>().notNull(),
  caveats: textArray('caveats'),
  handling: text('handling').$type<HandlingCode>().notNull(),
  handlingConditions: text('handling_conditions'),
  grading: text('grading').notNull(),
  recipientIds: uuid('recipient_ids').array().notNull(),
  releasedAt: at('released_at').notNull(),
});
export type SourceProductRow = typeof sourceProducts.$inferSelect;

/** Where a product came from: only the source's compartment follows it. */
export const sourceProductProvenance = pgTable(
  'source_product_provenance',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => sourceProducts.id),
    sourceId: sourceRef(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => sourceIntelligence.id),
    releasedBy: officer('released_by').notNull(),
  },
  (t) => [index('source_product_provenance_source_idx').on(t.sourceId)],
);
export type SourceProductProvenanceRow = typeof sourceProductProvenance.$inferSelect;

/** Rewards (reg. 3(n)): requested, decided by another officer, paid with a receipt. Pence. */
export const sourceRewards = pgTable(
  'source_rewards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    kind: text('kind').$type<RewardKind>().notNull(),
    state: text('state').$type<RewardState>().notNull(),
    amountPence: integer('amount_pence').notNull(),
    description: text('description').notNull(),
    needsController: boolean('needs_controller').notNull(),
    requestedBy: officer('requested_by').notNull(),
    requestedAt: at('requested_at').notNull(),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    reasons: text('reasons'),
    paidBy: officer('paid_by'),
    paidAt: at('paid_at'),
    receiptReference: text('receipt_reference'),
  },
  (t) => [index('source_rewards_source_idx').on(t.sourceId)],
);
export type SourceRewardRow = typeof sourceRewards.$inferSelect;

/** "Who can I tell": people the source told about the relationship, when, and the advice. */
export const sourceDisclosures = pgTable(
  'source_disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: sourceRef(),
    person: text('person').notNull(),
    relationship: text('relationship').notNull(),
    disclosedOn: date('disclosed_on', { mode: 'string' }).notNull(),
    advice: text('advice').notNull(),
    recordedBy: officer('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('source_disclosures_source_idx').on(t.sourceId)],
);
export type SourceDisclosureRow = typeof sourceDisclosures.$inferSelect;
