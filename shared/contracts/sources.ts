import { z } from 'zod';
import { calendarDate, instant } from './time';
import { caveatSchema, classificationSchema } from './markings';
import { pageQuery } from './pagination';
import {
  assessmentKindSchema,
  ccaGroundSchema,
  expectedMaterialSchema,
  sourceRoleSchema,
  sourceStatusSchema,
  sourceTypeSchema,
  statutoryGroundSchema,
  urgencySchema,
} from './sources-rules';
import { multiLineText, singleLineText } from './text';

export * from './sources-rules';
export * from './sources-lists';
export * from './sources-views';

// The sources API (permission in brackets; every route under a source answers 404 to one not
// read into it, exactly as for an unknown id):
//   GET  /api/sources                    [read]      sourceListQuery → sourcePage
//   GET  /api/sources/count              [read]      sourceCountQuery → sourceCountResponse
//   POST /api/sources                    [handle]    createSourceBody → sourceView (201)
//   GET  /api/sources/queue              [authorise] → queueResponse (the AO's queue, oldest first)
//   GET  /api/sources/alerts             [read]      → sourceAlertsResponse
//   GET  /api/sources/central-record     [records]   centralRecordQuery → centralRecordPage
//   GET  /api/sources/central-record/export [records] centralRecordExportQuery → text/csv
//   GET  /api/sources/:id                [read]      → sourceView
//   GET  /api/sources/:id/officers       [handle]    → officerCandidatesResponse
//   POST /api/sources/:id/authorities    [handle]    addAuthorityBody → sourceView (201)
//   POST /api/sources/:id/assessments    [handle]    assessmentBody → sourceView (201)
//   GET  /api/sources/:id/identity       [read]      → identityView (audited sensitive read)
//   PUT  /api/sources/:id/identity       [handle]    identityBody → sourceView
//   POST /api/sources/:id/roles          [handle]    assignRoleBody → sourceView (201)
//   POST /api/sources/:id/roles/:roleId/end [handle] reasonBody → sourceView
//   POST /api/sources/:id/hand-over      [handle]    handOverBody → sourceView
//   POST /api/sources/:id/approach-requests [handle] approachRequestBody → sourceView (201)
//   POST /api/sources/:id/approach-requests/:requestId/decision [authorise] approachDecisionBody → sourceView
//   POST /api/sources/:id/recruitment    [handle]    recruitmentBody → sourceView
//   POST /api/sources/:id/suspend | resume | close [handle] reasonBody → sourceView
//   POST /api/sources/:id/cancel         [authorise] reasonBody → sourceView
//   POST /api/sources/:id/break-glass    [read]      breakGlassRequestBody → sourceView (201)
//   POST /api/sources/:id/break-glass/:breakGlassId/decision [read] breakGlassDecisionBody → sourceView
//   POST /api/sources/:id/authorisations [handle]    applicationBody → sourceView (201)
//   POST /api/sources/:id/authorisations/:authorisationId/decision [authorise] authorisationDecisionBody → sourceView
//   POST /api/sources/:id/authorisations/:authorisationId/reviews  [handle] reviewBody → sourceView (201)
//   POST /api/sources/:id/authorisations/:authorisationId/renewals [handle] renewalBody → sourceView (201)
//   POST /api/sources/:id/authorisations/:authorisationId/write-up [authorise] writeUpBody → sourceView
//   POST /api/sources/:id/authorisations/:authorisationId/judicial-approvals [authorise] judicialApprovalBody → sourceView (201)
//   POST /api/sources/:id/reviews/:reviewId/decision   [authorise] reviewDecisionBody → sourceView
//   POST /api/sources/:id/renewals/:renewalId/decision [authorise] renewalDecisionBody → sourceView
//   POST /api/sources/:id/ccas           [handle]    ccaApplicationBody → sourceView (201)
//   POST /api/sources/:id/ccas/:ccaId/decision [authorise] ccaDecisionBody → sourceView
//   POST /api/sources/:id/ccas/:ccaId/notices  [authorise] ccaNoticeBody → sourceView (201)
//   POST /api/sources/:id/ccas/:ccaId/renew    [authorise] ccaRenewalBody → sourceView
//   POST /api/sources/:id/ccas/:ccaId/cancel   [authorise] reasonBody → sourceView
// Refusals by rule are RULE_VIOLATION (422) with `details.rule` one of `sourceRules`.
//
// The requests of the sources API (server/src/modules/sources/sources.routes.ts): strict, every
// string through the shared text rule. Rules that depend on the record (status, roles, dates) are
// the use cases', refused as RULE_VIOLATION (422) naming the rule; what a form can check alone is
// here (400 naming the field).

/** A calendar date, `2026-03-01` (a date of birth, a recruitment, a Judicial Commissioner's approval). */
export const isoDate = calendarDate();
/** An instant with its offset, `2026-03-01T09:30:00Z`. */
export const isoDateTime = instant();

const line = (max = 200) => singleLineText().trim().min(1).max(max);
const prose = (max = 5000) => multiLineText().trim().min(1).max(max);

export const sourceIdParams = z.strictObject({ id: z.uuid() });
export const sourceRoleParams = z.strictObject({ id: z.uuid(), roleId: z.uuid() });
export const sourceBreakGlassParams = z.strictObject({ id: z.uuid(), breakGlassId: z.uuid() });
export const sourceAuthorisationParams = z.strictObject({ id: z.uuid(), authorisationId: z.uuid() });
export const sourceReviewParams = z.strictObject({ id: z.uuid(), reviewId: z.uuid() });
export const sourceRenewalParams = z.strictObject({ id: z.uuid(), renewalId: z.uuid() });
export const sourceApproachRequestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
export const sourceCcaParams = z.strictObject({ id: z.uuid(), ccaId: z.uuid() });

/** A prospect: what everyone read in sees (the URN is generated). Its creator becomes its handler. */
export const createSourceBody = z.strictObject({
  classification: classificationSchema,
  caveats: z.array(caveatSchema).max(10).default([]),
  pseudonym: line(80),
  type: sourceTypeSchema,
});
export type CreateSourceBody = z.infer<typeof createSourceBody>;
export type CreateSourceInput = z.input<typeof createSourceBody>;

/** The fields the register sorts by; `-field` sorts descending. */
export const sourceSortFields = [
  'urn',
  'pseudonym',
  'status',
  'createdAt',
  'expiresAt',
  'nextReviewDue',
] as const;
export type SourceSortField = (typeof sourceSortFields)[number];
/**
 * The register's flag filters: a juvenile (from the vault's date of birth, against the server's
 * clock), a vulnerable source, a criminal conduct authorisation in force, lapsed s.29(5)
 * arrangements (an authorisation in force without a current handler or controller).
 */
export const sourceFlagFilters = ['juvenile', 'vulnerable', 'cca', 'lapsed'] as const;
export type SourceFlagFilter = (typeof sourceFlagFilters)[number];
export const sourceFlagFilterSchema = z.enum(sourceFlagFilters);

/**
 * The register: paged, sorted, searched by pseudonym or URN (`q`), filtered by status, by a next
 * review or an expiry before a date (strictly before the start, UTC, of that day; the source's
 * current or last authorisation), and by a flag.
 */
export const sourceListQuery = pageQuery(sourceSortFields, { sort: 'urn' }).extend({
  status: sourceStatusSchema.optional(),
  reviewDueBefore: isoDate.optional(),
  expiresBefore: isoDate.optional(),
  flag: sourceFlagFilterSchema.optional(),
});
export type SourceListQuery = z.infer<typeof sourceListQuery>;
export const sourceCountQuery = sourceListQuery.pick({
  q: true,
  status: true,
  reviewDueBefore: true,
  expiresBefore: true,
  flag: true,
});
export type SourceCountQuery = z.infer<typeof sourceCountQuery>;

/** The central record (LAW.md §3): one row per authorisation, paged, searched by pseudonym or URN. */
export const centralRecordSortFields = ['urn', 'grantedAt', 'endedAt'] as const;
export const centralRecordQuery = pageQuery(centralRecordSortFields, { sort: '-grantedAt' });
export type CentralRecordQuery = z.infer<typeof centralRecordQuery>;
/** The central record's CSV export: the page's search and order, every row (not paged). */
export const centralRecordExportQuery = centralRecordQuery.pick({ q: true, sort: true });
export type CentralRecordExportQuery = z.infer<typeof centralRecordExportQuery>;

/** Another investigating authority involved, and how it refers to the source (reg. 3(c)(d)). */
export const addAuthorityBody = z.strictObject({ authority: line(), reference: line() });
export type AddAuthorityBody = z.infer<typeof addAuthorityBody>;

/** An identity document: its kind (passport, driving licence), number and issuer. */
export const identityDocumentSchema = z.strictObject({
  kind: line(60),
  number: line(100),
  issuer: line(120).optional(),
});

/**
 * The true-identity vault (reg. 3(a)(b)), written whole and stored encrypted: never in a table, a
 * log, an error or an export in clear. The date of birth derives the juvenile flags.
 */
export const identityBody = z.strictObject({
  name: line(),
  dateOfBirth: isoDate,
  addresses: z.array(multiLineText().trim().min(1).max(500)).max(20).default([]),
  documents: z.array(identityDocumentSchema).max(20).default([]),
  /** Identities the source uses (reg. 3(b)). */
  identitiesUsed: z.array(line()).max(20).default([]),
  /** The appropriate adult attending meetings with an under-16 (SI 2000/2793 art. 4). */
  appropriateAdult: line().optional(),
});
export type IdentityBody = z.infer<typeof identityBody>;
export type IdentityInput = z.input<typeof identityBody>;

/** A welfare record: security and welfare (reg. 3(e)(f)), vulnerability, or the juvenile enhanced risk assessment. */
export const assessmentBody = z.strictObject({
  kind: assessmentKindSchema,
  summary: prose(),
  /** For a vulnerability assessment: is the source a vulnerable individual? */
  vulnerable: z.boolean().default(false),
  /** reg. 3(f): identified risks were explained to and understood by the source. */
  explainedToSource: z.boolean().default(false),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

/** A role on the source for a period from `from` (default now) until `to` (open when absent). */
export const assignRoleBody = z.strictObject({
  role: sourceRoleSchema,
  userId: z.uuid(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type AssignRoleBody = z.infer<typeof assignRoleBody>;

export const reasonBody = z.strictObject({ reason: prose(2000) });
export type ReasonBody = z.infer<typeof reasonBody>;

/** A recorded hand-over from one handler to another: the outgoing period ends as the new one begins. */
export const handOverBody = z.strictObject({ fromUserId: z.uuid(), toUserId: z.uuid(), notes: prose() });
export type HandOverBody = z.infer<typeof handOverBody>;

/**
 * A request to approach a prospect (LAW.md §1: "Approaching a prospect needs an internal approval
 * first"), made by a handler or controller of the prospect: who approaches, why, the risk, and the
 * bona-fides arrangement the prospect can use to check that the approach is genuine.
 */
export const approachRequestBody = z.strictObject({
  /** The officer who approaches (default: the source's current handler). */
  approachingOfficerId: z.uuid().optional(),
  rationale: prose(),
  risk: prose(),
  bonaFides: prose(),
});
export type ApproachRequestBody = z.infer<typeof approachRequestBody>;
export type ApproachRequestInput = z.input<typeof approachRequestBody>;

/** An authorising officer's decision on a request to approach, with written reasons either way. */
export const approachDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reasons: prose(),
});
export type ApproachDecisionBody = z.infer<typeof approachDecisionBody>;

/** The recruitment: date, circumstances, motivation in the source's words, and that they volunteer. */
export const recruitmentBody = z.strictObject({
  recruitedOn: isoDate,
  circumstances: prose(),
  motivation: prose(),
  /** The recorded confirmation that the source volunteers: without it recruitment is refused. */
  volunteers: z.boolean(),
});
export type RecruitmentBody = z.infer<typeof recruitmentBody>;

/** The application (LAW.md §1): the AO decides it. */
export const applicationBody = z.strictObject({
  ground: statutoryGroundSchema,
  necessity: prose(),
  proportionality: prose(),
  /** The purpose of the tasking. */
  purpose: prose(),
  /** The operation: undercover deployment is counted per operation. */
  operation: line(),
  conduct: prose(),
  collateralIntrusion: prose(),
  collateralJustification: prose(),
  expectedMaterial: expectedMaterialSchema.default('none'),
  materialDetails: prose().optional(),
  urgency: urgencySchema.default('routine'),
  urgencyReason: prose().optional(),
  /** Is the source to be used against a parent or a person with parental responsibility? */
  againstParent: z.boolean().default(false),
  /** The AO the case is put to: read into the source as its authorising officer. */
  authorisingOfficerId: z.uuid().optional(),
});
export type ApplicationBody = z.infer<typeof applicationBody>;
export type ApplicationInput = z.input<typeof applicationBody>;

export const decisions = ['grant', 'refuse'] as const;
export const decisionSchema = z.enum(decisions);

/** The AO's decision with written reasons; on a grant, the review frequency (default by rule). */
export const authorisationDecisionBody = z.strictObject({
  decision: decisionSchema,
  reasons: prose(),
  reviewEveryDays: z.number().int().min(1).max(365).optional(),
});
export type AuthorisationDecisionBody = z.infer<typeof authorisationDecisionBody>;

/** A review (s.43(7)): the use made of the source, the tasks given, the information obtained. */
export const reviewBody = z.strictObject({
  useMade: prose(),
  tasks: prose(),
  information: prose(),
  welfare: prose().optional(),
});
export type ReviewBody = z.infer<typeof reviewBody>;

/** The AO's consideration of a review; it may change the review frequency. */
export const reviewDecisionBody = z.strictObject({
  reasons: prose(),
  reviewEveryDays: z.number().int().min(1).max(365).optional(),
});
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;

export const renewalBody = z.strictObject({ justification: prose() });
export type RenewalBody = z.infer<typeof renewalBody>;

export const renewalDecisionBody = authorisationDecisionBody;
export type RenewalDecisionBody = AuthorisationDecisionBody;

/**
 * The written record of an urgent (oral) grant (LAW.md §1: 72 hours "then written up"), made by the
 * authorising officer who granted it, within the configured time (72 hours by default).
 */
export const writeUpBody = z.strictObject({ record: prose(10000) });
export type WriteUpBody = z.infer<typeof writeUpBody>;

/** The recorded approval of a Judicial Commissioner (long-term undercover deployment). */
export const judicialApprovalBody = z.strictObject({ approvedOn: isoDate, reference: line() });
export type JudicialApprovalBody = z.infer<typeof judicialApprovalBody>;

/** A criminal conduct authorisation (s.29B): the conduct, the grounds, proportionality. */
export const ccaApplicationBody = z.strictObject({
  conduct: prose(),
  grounds: ccaGroundSchema,
  necessity: prose(),
  proportionality: prose(),
  /** For a juvenile (s.29C): the exceptional circumstances, and the child's best interests. */
  exceptionalCircumstances: prose().optional(),
  bestInterests: prose().optional(),
  /** For a juvenile (s.29C): no foreseeable harm to the child. */
  noForeseeableHarm: z.boolean().default(false),
});
export type CcaApplicationBody = z.infer<typeof ccaApplicationBody>;

export const ccaDecisionBody = z.strictObject({ decision: decisionSchema, reasons: prose() });
export type CcaDecisionBody = z.infer<typeof ccaDecisionBody>;

/** A CCA's renewal by a designated officer, with reasons (it runs on from the old expiry). */
export const ccaRenewalBody = z.strictObject({ reasons: prose() });
export type CcaRenewalBody = z.infer<typeof ccaRenewalBody>;

/** The written notice to a Judicial Commissioner (s.32C): when it was given (default now), its reference. */
export const ccaNoticeBody = z.strictObject({ reference: line(), notifiedAt: isoDateTime.optional() });
export type CcaNoticeBody = z.infer<typeof ccaNoticeBody>;

export const breakGlassRequestBody = z.strictObject({
  reason: multiLineText().trim().min(10, 'state the reason (at least 10 characters)').max(2000),
});
export type BreakGlassRequestBody = z.infer<typeof breakGlassRequestBody>;

export const breakGlassDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reasons: prose(2000).optional(),
});
export type BreakGlassDecisionBody = z.infer<typeof breakGlassDecisionBody>;
