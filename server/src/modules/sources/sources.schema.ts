import { boolean, date, index, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  AlertKind,
  AssessmentKind,
  SourceRole,
  SourceStatus,
  SourceType,
} from '#shared/contracts/sources';
import { protectedColumns } from '../../platform/access/protected-columns';
import { bytea } from '../../platform/audit/audit.schema';
import { users } from '../../platform/auth/auth.schema';

export * from './authorisations.schema';

// The source register (SI 2000/2725 reg. 3): the source row is the protected record (its marking and
// its own compartment of kind `source`); every other table hangs off it and is reached only through
// a source the actor may see. Times come from the use case's clock. Nothing identifying is stored in
// clear: the true identity (and the date of birth the juvenile flags derive from) is in
// `source_identities`, encrypted per source (sources.cipher.ts).

const at = (name: string) => timestamp(name, { withTimezone: true });
const officer = (name: string) => uuid(name).references(() => users.id);

/** URNs are numbered by a sequence: a number once drawn is never drawn again, even if its insert fails. */
export const sourceUrnSequence = pgSequence('source_urn_seq', { startWith: 1, increment: 1 });

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...protectedColumns(),
    /** `SRC-2026-0001`: generated, never reused (sourceUrnSequence). */
    urn: text('urn').notNull().unique(),
    /** Unique among the sources its readers see (create-source.ts), so no constraint. */
    pseudonym: text('pseudonym').notNull(),
    type: text('type').$type<SourceType>().notNull(),
    status: text('status').$type<SourceStatus>().notNull(),
    statusChangedAt: at('status_changed_at').notNull(),
    /** Why it was suspended, cancelled or closed (the last such transition). */
    statusReason: text('status_reason'),
    /** From the latest vulnerability assessment (record-assessment.ts), never typed in. */
    vulnerable: boolean('vulnerable').notNull().default(false),
    /** The current (or last) authorisation's expiry and next review: kept here to sort and filter the register. */
    expiresAt: at('expires_at'),
    nextReviewDue: at('next_review_due'),
    createdBy: officer('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('sources_compartment_idx').on(t.compartmentId),
    index('sources_pseudonym_idx').on(t.pseudonym),
  ],
);
export type SourceRow = typeof sources.$inferSelect;
export type NewSourceRow = typeof sources.$inferInsert;

/**
 * The true-identity vault (reg. 3(a)(b)): the identity as one encrypted JSON document, and the date
 * of birth encrypted on its own so the juvenile flags are derived without opening the rest. Both
 * under the source's data key (FieldCipher), authenticated with table, column and source id.
 */
export const sourceIdentities = pgTable('source_identities', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id),
  identityEnc: bytea('identity_enc').notNull(),
  birthDateEnc: bytea('birth_date_enc').notNull(),
  /** Whether the vault names an appropriate adult (not who): the under-16 meetings need one. */
  appropriateAdultRecorded: boolean('appropriate_adult_recorded').notNull().default(false),
  updatedBy: officer('updated_by').notNull(),
  updatedAt: at('updated_at').notNull(),
});
export type SourceIdentityRow = typeof sourceIdentities.$inferSelect;

/** Roles with periods (s.29(5), reg. 3(h)(i)); rows are never deleted, a period is ended. */
export const sourceRoleRows = pgTable(
  'source_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    role: text('role').$type<SourceRole>().notNull(),
    userId: officer('user_id').notNull(),
    fromAt: at('from_at').notNull(),
    toAt: at('to_at'),
    /** Whether taking the role read the holder into the compartment (so ending it reads them out). */
    readIn: boolean('read_in').notNull().default(false),
    handedOverFromId: uuid('handed_over_from_id'),
    endReason: text('end_reason'),
    createdBy: officer('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('source_roles_source_idx').on(t.sourceId), index('source_roles_user_idx').on(t.userId)],
);
export type SourceRoleRow = typeof sourceRoleRows.$inferSelect;

/** Other investigating authorities involved and how each refers to the source (reg. 3(c)(d)). */
export const sourceAuthorities = pgTable(
  'source_authorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    authority: text('authority').notNull(),
    reference: text('reference').notNull(),
    addedBy: officer('added_by').notNull(),
    addedAt: at('added_at').notNull(),
  },
  (t) => [index('source_authorities_source_idx').on(t.sourceId)],
);
export type SourceAuthorityRow = typeof sourceAuthorities.$inferSelect;

/** The internal approval to approach a prospect. */
export const sourceApproaches = pgTable('source_approaches', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id),
  approvedBy: officer('approved_by').notNull(),
  approvedAt: at('approved_at').notNull(),
  approachingOfficerId: officer('approaching_officer_id').notNull(),
  rationale: text('rationale').notNull(),
  risk: text('risk').notNull(),
  bonaFides: text('bona_fides').notNull(),
});
export type SourceApproachRow = typeof sourceApproaches.$inferSelect;

/**
 * A request to approach a prospect (LAW.md §1): made by a handler or controller of the prospect,
 * decided by an authorising officer who holds no role on the case, with written reasons. An
 * approval writes `source_approaches`; a refusal leaves the prospect a prospect, and a new request
 * may follow. Rows are never deleted.
 */
export const sourceApproachRequests = pgTable(
  'source_approach_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    approachingOfficerId: officer('approaching_officer_id').notNull(),
    rationale: text('rationale').notNull(),
    risk: text('risk').notNull(),
    bonaFides: text('bona_fides').notNull(),
    requestedBy: officer('requested_by').notNull(),
    requestedAt: at('requested_at').notNull(),
    status: text('status').$type<'requested' | 'approved' | 'refused'>().notNull(),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    reasons: text('reasons'),
  },
  (t) => [index('source_approach_requests_source_idx').on(t.sourceId)],
);
export type SourceApproachRequestRow = typeof sourceApproachRequests.$inferSelect;

/** The recruitment (reg. 3(g)), with the source's confirmation that they volunteer. */
export const sourceRecruitments = pgTable('source_recruitments', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id),
  recruitedOn: date('recruited_on', { mode: 'string' }).notNull(),
  circumstances: text('circumstances').notNull(),
  motivation: text('motivation').notNull(),
  volunteers: boolean('volunteers').notNull(),
  recordedBy: officer('recorded_by').notNull(),
  recordedAt: at('recorded_at').notNull(),
});
export type SourceRecruitmentRow = typeof sourceRecruitments.$inferSelect;

/** Security and welfare records, vulnerability and juvenile enhanced risk assessments (reg. 3(e)(f)). */
export const sourceAssessments = pgTable(
  'source_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    kind: text('kind').$type<AssessmentKind>().notNull(),
    summary: text('summary').notNull(),
    vulnerable: boolean('vulnerable').notNull(),
    explainedToSource: boolean('explained_to_source').notNull(),
    assessedBy: officer('assessed_by').notNull(),
    assessedAt: at('assessed_at').notNull(),
  },
  (t) => [index('source_assessments_source_idx').on(t.sourceId)],
);
export type SourceAssessmentRow = typeof sourceAssessments.$inferSelect;

/** Break-glass access to the vault: a reason, a second officer's decision, a time box. */
export const sourceBreakGlass = pgTable(
  'source_break_glass',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    requestedBy: officer('requested_by').notNull(),
    requestedAt: at('requested_at').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'requested' | 'approved' | 'refused'>().notNull(),
    decidedBy: officer('decided_by'),
    decidedAt: at('decided_at'),
    reasons: text('reasons'),
    expiresAt: at('expires_at'),
  },
  (t) => [index('source_break_glass_source_idx').on(t.sourceId)],
);
export type SourceBreakGlassRow = typeof sourceBreakGlass.$inferSelect;

/**
 * Alerts raised by an event (a break-glass approval, a contact after cancellation, status drift);
 * the clocks' alerts (expiry, reviews, notices, lapsed arrangements) are computed, not stored.
 */
export const sourceAlertRows = pgTable(
  'source_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    kind: text('kind').$type<AlertKind>().notNull(),
    subjectId: uuid('subject_id'),
    /** Whom it is for (the controller for a break-glass), or everyone read in when null. */
    forUserId: officer('for_user_id'),
    message: text('message').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('source_alerts_source_idx').on(t.sourceId)],
);
export type SourceAlertRow = typeof sourceAlertRows.$inferSelect;
