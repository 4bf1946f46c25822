import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CcaGround, ExpectedMaterial, StatutoryGround, Urgency } from '#shared/contracts/sources';
import { users } from '../../platform/auth/auth.schema';
import { sources } from './sources.schema';

// The legal life of a source's authorisations (RIPA s.29, s.43, s.45; the CHIS (Criminal Conduct)
// Act 2021): applications and grants, renewals, reviews, Judicial Commissioner approvals, criminal
// conduct authorisations and their notices. Rows are never deleted: the central record is read from
// them and kept at least 3 years after an authorisation ends (LAW.md §3). sources.schema.ts
// re-exports this file; the import back is a cycle Drizzle resolves lazily (references are thunks).

const at = (name: string) => timestamp(name, { withTimezone: true });
const officer = (name: string) => uuid(name).references(() => users.id);

export type AuthorisationStatus = 'applied' | 'granted' | 'refused' | 'cancelled';

export const sourceAuthorisations = pgTable(
  'source_authorisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    status: text('status').$type<AuthorisationStatus>().notNull(),
    ground: text('ground').$type<StatutoryGround>().notNull(),
    necessity: text('necessity').notNull(),
    proportionality: text('proportionality').notNull(),
    purpose: text('purpose').notNull(),
    operation: text('operation').notNull(),
    conduct: text('conduct').notNull(),
    collateralIntrusion: text('collateral_intrusion').notNull(),
    collateralJustification: text('collateral_justification').notNull(),
    expectedMaterial: text('expected_material').$type<ExpectedMaterial>().notNull(),
    materialDetails: text('material_details'),
    urgency: text('urgency').$type<Urgency>().notNull(),
    urgencyReason: text('urgency_reason'),
    againstParent: boolean('against_parent').notNull(),
    appliedBy: officer('applied_by').notNull(),
    appliedAt: at('applied_at').notNull(),
    authorisingOfficerId: officer('authorising_officer_id'),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    decisionReasons: text('decision_reasons'),
    grantedAt: at('granted_at'),
    expiresAt: at('expires_at'),
    juvenileAtGrant: boolean('juvenile_at_grant').notNull().default(false),
    vulnerableAtGrant: boolean('vulnerable_at_grant').notNull().default(false),
    reviewEveryDays: integer('review_every_days'),
    nextReviewDue: at('next_review_due'),
    cancelledAt: at('cancelled_at'),
    cancelledBy: officer('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
    /** An urgent (oral) grant's written record (LAW.md §1: "then written up"), by its AO. */
    writeUp: text('write_up'),
    writtenUpAt: at('written_up_at'),
    writtenUpBy: officer('written_up_by'),
  },
  (t) => [index('source_authorisations_source_idx').on(t.sourceId)],
);
export type SourceAuthorisationRow = typeof sourceAuthorisations.$inferSelect;
export type NewSourceAuthorisationRow = typeof sourceAuthorisations.$inferInsert;

/** A renewal (s.43(4)): applied for before expiry, decided by an AO, running on from the old expiry. */
export const sourceRenewals = pgTable(
  'source_renewals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    status: text('status').$type<'applied' | 'granted' | 'refused'>().notNull(),
    justification: text('justification').notNull(),
    appliedBy: officer('applied_by').notNull(),
    appliedAt: at('applied_at').notNull(),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    reasons: text('reasons'),
    previousExpiry: at('previous_expiry'),
    newExpiry: at('new_expiry'),
  },
  (t) => [index('source_renewals_authorisation_idx').on(t.authorisationId)],
);
export type SourceRenewalRow = typeof sourceRenewals.$inferSelect;

/** A review (s.43(6)-(7)): submitted by the handler or controller, considered by the AO. */
export const sourceReviews = pgTable(
  'source_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    useMade: text('use_made').notNull(),
    tasks: text('tasks').notNull(),
    information: text('information').notNull(),
    welfare: text('welfare'),
    submittedBy: officer('submitted_by').notNull(),
    submittedAt: at('submitted_at').notNull(),
    consideredBy: officer('considered_by'),
    consideredAt: at('considered_at'),
    reasons: text('reasons'),
  },
  (t) => [index('source_reviews_authorisation_idx').on(t.authorisationId)],
);
export type SourceReviewRow = typeof sourceReviews.$inferSelect;

/** A Judicial Commissioner's recorded approval (long-term undercover deployment, SI 2013/2788). */
export const sourceJudicialApprovals = pgTable(
  'source_judicial_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    recordedBy: officer('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('source_judicial_approvals_authorisation_idx').on(t.authorisationId)],
);
export type SourceJudicialApprovalRow = typeof sourceJudicialApprovals.$inferSelect;

/** A criminal conduct authorisation (RIPA s.29B), alongside a live source authorisation. */
export const sourceCcas = pgTable(
  'source_ccas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    authorisationId: uuid('authorisation_id')
      .notNull()
      .references(() => sourceAuthorisations.id),
    status: text('status').$type<AuthorisationStatus>().notNull(),
    conduct: text('conduct').notNull(),
    grounds: text('grounds').$type<CcaGround>().notNull(),
    necessity: text('necessity').notNull(),
    proportionality: text('proportionality').notNull(),
    exceptionalCircumstances: text('exceptional_circumstances'),
    bestInterests: text('best_interests'),
    noForeseeableHarm: boolean('no_foreseeable_harm').notNull(),
    appliedBy: officer('applied_by').notNull(),
    appliedAt: at('applied_at').notNull(),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    reasons: text('reasons'),
    grantedAt: at('granted_at'),
    expiresAt: at('expires_at'),
    cancelledAt: at('cancelled_at'),
    cancelledBy: officer('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
  },
  (t) => [index('source_ccas_source_idx').on(t.sourceId)],
);
export type SourceCcaRow = typeof sourceCcas.$inferSelect;

/**
 * A CCA's renewal by a designated officer, with reasons: it runs on from the old expiry, and opens
 * its own 7-day notice to a Judicial Commissioner (s.32C: grant, renewal or cancellation).
 */
export const sourceCcaRenewals = pgTable(
  'source_cca_renewals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    ccaId: uuid('cca_id')
      .notNull()
      .references(() => sourceCcas.id),
    renewedBy: officer('renewed_by').notNull(),
    renewedAt: at('renewed_at').notNull(),
    reasons: text('reasons').notNull(),
    previousExpiry: at('previous_expiry').notNull(),
    newExpiry: at('new_expiry').notNull(),
  },
  (t) => [index('source_cca_renewals_cca_idx').on(t.ccaId)],
);
export type SourceCcaRenewalRow = typeof sourceCcaRenewals.$inferSelect;

/** The written notice to a Judicial Commissioner within 7 days of a CCA's grant, renewal or cancellation (s.32C). */
export const sourceCcaNotices = pgTable(
  'source_cca_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    ccaId: uuid('cca_id')
      .notNull()
      .references(() => sourceCcas.id),
    event: text('event').$type<'grant' | 'renewal' | 'cancellation'>().notNull(),
    eventAt: at('event_at').notNull(),
    dueAt: at('due_at').notNull(),
    notifiedAt: at('notified_at'),
    reference: text('reference'),
    recordedBy: officer('recorded_by'),
  },
  (t) => [index('source_cca_notices_cca_idx').on(t.ccaId)],
);
export type SourceCcaNoticeRow = typeof sourceCcaNotices.$inferSelect;
