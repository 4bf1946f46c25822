import { z } from 'zod';
import { classificationSchema } from './markings';
import { pageOf } from './pagination';
import {
  alertKindSchema,
  assessmentKindSchema,
  ccaGroundSchema,
  expectedMaterialSchema,
  sourceRoleSchema,
  sourceStatusSchema,
  sourceTypeSchema,
  statutoryGroundSchema,
  urgencySchema,
} from './sources-rules';

// The answers of the sources API. Every record carries the actor's `abilities` (computed by the
// server's policy, sources.policy.ts): the web shows a button only when the server would take the
// action (CONVENTIONS rule 15). Times are ISO 8601 instants; calendar dates are `YYYY-MM-DD`.

const instant = z.string();
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable();

/** An officer as other officers see them: never more than a display name. */
export const officerRef = z.object({ id: z.string(), displayName: z.string() });
export type OfficerRef = z.infer<typeof officerRef>;

/**
 * Flags derived from the record, never typed in: juvenile and under-16 from the date of birth in
 * the vault against the server's clock (the juvenile flag drops on the 18th birthday), vulnerable
 * from the latest vulnerability assessment, a criminal conduct authorisation in force, the s.29(5)
 * arrangements lapsed (no current handler or controller), a review overdue, expiry within the
 * warning period (30 days by default).
 */
export const sourceFlags = z.object({
  juvenile: z.boolean(),
  under16: z.boolean(),
  vulnerable: z.boolean(),
  ccaInForce: z.boolean(),
  arrangementsLapsed: z.boolean(),
  reviewOverdue: z.boolean(),
  expiringSoon: z.boolean(),
  authorisationInForce: z.boolean(),
  identityRecorded: z.boolean(),
  appropriateAdultRecorded: z.boolean(),
});
export type SourceFlags = z.infer<typeof sourceFlags>;

/** What the actor may do with a source now (its status, their roles on it, the rules). */
export const sourceAbilities = z.object({
  update: z.boolean(),
  readIdentity: z.boolean(),
  writeIdentity: z.boolean(),
  assignRoles: z.boolean(),
  handOver: z.boolean(),
  /** A handler or controller of a prospect with no request waiting may request the approach. */
  requestApproach: z.boolean(),
  recordRecruitment: z.boolean(),
  apply: z.boolean(),
  applyCca: z.boolean(),
  suspend: z.boolean(),
  resume: z.boolean(),
  cancel: z.boolean(),
  close: z.boolean(),
  requestBreakGlass: z.boolean(),
});
export type SourceAbilities = z.infer<typeof sourceAbilities>;

/** A source in the register: pseudonym and URN only, what everyone read in sees. */
export const sourceSummaryView = z.object({
  id: z.string(),
  urn: z.string(),
  pseudonym: z.string(),
  type: sourceTypeSchema,
  status: sourceStatusSchema,
  classification: classificationSchema,
  caveats: z.array(z.string()),
  compartmentId: z.string(),
  flags: sourceFlags,
  /** The authorisation in force's expiry, or the last one's. */
  expiresAt: maybe(instant),
  nextReviewDue: maybe(instant),
  handlers: z.array(officerRef),
  createdAt: instant,
  updatedAt: instant,
  abilities: sourceAbilities,
});
export type SourceSummaryView = z.infer<typeof sourceSummaryView>;
export const sourcePage = pageOf(sourceSummaryView);
export type SourcePage = z.infer<typeof sourcePage>;
export const sourceCountResponse = z.object({ count: z.number().int().min(0) });

export const sourceRoleView = z.object({
  id: z.string(),
  role: sourceRoleSchema,
  officer: officerRef,
  from: instant,
  to: maybe(instant),
  current: z.boolean(),
  /** The role this one took over in a hand-over. */
  handedOverFromId: maybe(z.string()),
  endReason: maybe(z.string()),
  abilities: z.object({ end: z.boolean() }),
});
export type SourceRoleView = z.infer<typeof sourceRoleView>;

export const authorityView = z.object({
  id: z.string(),
  authority: z.string(),
  reference: z.string(),
  addedAt: instant,
});

export const approachView = z.object({
  approvedAt: instant,
  approvedBy: officerRef,
  approachingOfficer: officerRef,
  rationale: z.string(),
  risk: z.string(),
  bonaFides: z.string(),
});

/** A request to approach the prospect and its decision; `age` is counted by the web from `requestedAt`. */
export const approachRequestView = z.object({
  id: z.string(),
  state: z.enum(['requested', 'approved', 'refused']),
  approachingOfficer: officerRef,
  rationale: z.string(),
  risk: z.string(),
  bonaFides: z.string(),
  requestedAt: instant,
  requestedBy: officerRef,
  decidedAt: maybe(instant),
  decidedBy: maybe(officerRef),
  reasons: maybe(z.string()),
  abilities: z.object({ decide: z.boolean() }),
});
export type ApproachRequestView = z.infer<typeof approachRequestView>;

export const recruitmentView = z.object({
  recruitedOn: z.string(),
  circumstances: z.string(),
  motivation: z.string(),
  volunteers: z.boolean(),
  recordedAt: instant,
  recordedBy: officerRef,
});

export const assessmentView = z.object({
  id: z.string(),
  kind: assessmentKindSchema,
  summary: z.string(),
  vulnerable: z.boolean(),
  explainedToSource: z.boolean(),
  assessedAt: instant,
  assessedBy: officerRef,
});

export const reviewView = z.object({
  id: z.string(),
  authorisationId: z.string(),
  useMade: z.string(),
  tasks: z.string(),
  information: z.string(),
  welfare: maybe(z.string()),
  submittedAt: instant,
  submittedBy: officerRef,
  consideredAt: maybe(instant),
  consideredBy: maybe(officerRef),
  reasons: maybe(z.string()),
  abilities: z.object({ consider: z.boolean() }),
});

export const renewalView = z.object({
  id: z.string(),
  authorisationId: z.string(),
  state: z.enum(['applied', 'granted', 'refused']),
  justification: z.string(),
  appliedAt: instant,
  appliedBy: officerRef,
  decidedAt: maybe(instant),
  decidedBy: maybe(officerRef),
  reasons: maybe(z.string()),
  previousExpiry: maybe(instant),
  newExpiry: maybe(instant),
  abilities: z.object({ decide: z.boolean() }),
});

export const judicialApprovalView = z.object({
  id: z.string(),
  approvedOn: z.string(),
  reference: z.string(),
  recordedAt: instant,
  recordedBy: officerRef,
});

/** `expired`: granted, and its expiry has passed without renewal. */
export const authorisationStates = ['applied', 'granted', 'refused', 'cancelled', 'expired'] as const;

export const authorisationView = z.object({
  id: z.string(),
  state: z.enum(authorisationStates),
  inForce: z.boolean(),
  ground: statutoryGroundSchema,
  necessity: z.string(),
  proportionality: z.string(),
  purpose: z.string(),
  operation: z.string(),
  conduct: z.string(),
  collateralIntrusion: z.string(),
  collateralJustification: z.string(),
  expectedMaterial: expectedMaterialSchema,
  materialDetails: maybe(z.string()),
  urgency: urgencySchema,
  urgencyReason: maybe(z.string()),
  againstParent: z.boolean(),
  appliedAt: instant,
  appliedBy: officerRef,
  authorisingOfficer: maybe(officerRef),
  /** The application needs an AO of the higher level (juvenile, vulnerable, privileged material). */
  higherLevel: z.boolean(),
  decidedAt: maybe(instant),
  decidedBy: maybe(officerRef),
  decisionReasons: maybe(z.string()),
  grantedAt: maybe(instant),
  expiresAt: maybe(instant),
  juvenileAtGrant: z.boolean(),
  vulnerableAtGrant: z.boolean(),
  reviewEveryDays: maybe(z.number().int()),
  nextReviewDue: maybe(instant),
  reviewOverdue: z.boolean(),
  cancelledAt: maybe(instant),
  cancelledBy: maybe(officerRef),
  cancellationReason: maybe(z.string()),
  /** An urgent (oral) grant is written up by this instant (null unless urgent and granted). */
  writeUpDueAt: maybe(instant),
  writtenUpAt: maybe(instant),
  writtenUpBy: maybe(officerRef),
  writeUp: maybe(z.string()),
  renewals: z.array(renewalView),
  reviews: z.array(reviewView),
  judicialApprovals: z.array(judicialApprovalView),
  abilities: z.object({
    decide: z.boolean(),
    review: z.boolean(),
    renew: z.boolean(),
    recordJudicialApproval: z.boolean(),
    writeUp: z.boolean(),
  }),
});
export type AuthorisationView = z.infer<typeof authorisationView>;

export const ccaNoticeView = z.object({
  id: z.string(),
  event: z.enum(['grant', 'renewal', 'cancellation']),
  eventAt: instant,
  /** The 7-day clock (s.32C): when the written notice to a Judicial Commissioner is due. */
  dueAt: instant,
  notifiedAt: maybe(instant),
  reference: maybe(z.string()),
});

export const ccaRenewalView = z.object({
  id: z.string(),
  renewedAt: instant,
  renewedBy: officerRef,
  reasons: z.string(),
  previousExpiry: instant,
  newExpiry: instant,
});

export const ccaView = z.object({
  id: z.string(),
  authorisationId: z.string(),
  state: z.enum(authorisationStates),
  inForce: z.boolean(),
  conduct: z.string(),
  grounds: ccaGroundSchema,
  necessity: z.string(),
  proportionality: z.string(),
  exceptionalCircumstances: maybe(z.string()),
  bestInterests: maybe(z.string()),
  noForeseeableHarm: z.boolean(),
  appliedAt: instant,
  appliedBy: officerRef,
  decidedAt: maybe(instant),
  decidedBy: maybe(officerRef),
  reasons: maybe(z.string()),
  grantedAt: maybe(instant),
  expiresAt: maybe(instant),
  cancelledAt: maybe(instant),
  cancellationReason: maybe(z.string()),
  notices: z.array(ccaNoticeView),
  renewals: z.array(ccaRenewalView),
  abilities: z.object({
    decide: z.boolean(),
    recordNotice: z.boolean(),
    renew: z.boolean(),
    cancel: z.boolean(),
  }),
});
export type CcaView = z.infer<typeof ccaView>;

export const breakGlassView = z.object({
  id: z.string(),
  requestedBy: officerRef,
  requestedAt: instant,
  reason: z.string(),
  state: z.enum(['requested', 'approved', 'refused', 'expired']),
  decidedBy: maybe(officerRef),
  decidedAt: maybe(instant),
  reasons: maybe(z.string()),
  /** Approved access ends then (24 hours by default). */
  expiresAt: maybe(instant),
  abilities: z.object({ decide: z.boolean() }),
});
export type BreakGlassView = z.infer<typeof breakGlassView>;

/** A compliance alert: computed from the record (expiry, reviews, notices, arrangements) or raised by an event. */
export const sourceAlertView = z.object({
  kind: alertKindSchema,
  sourceId: z.string(),
  urn: z.string(),
  pseudonym: z.string(),
  /** The authorisation, CCA, notice or break-glass request it is about. */
  subjectId: maybe(z.string()),
  /** When it was raised (events) or falls due (clocks). */
  at: instant,
  message: z.string(),
});
export type SourceAlertView = z.infer<typeof sourceAlertView>;
export const sourceAlertsResponse = z.object({ items: z.array(sourceAlertView) });
export type SourceAlertsResponse = z.infer<typeof sourceAlertsResponse>;

/**
 * Cumulative deployment of an undercover officer on one operation (days in force, the current period
 * included): `longTerm` beyond the configured months (12 by default, SI 2013/2788), and the latest
 * Judicial Commissioner's approval recorded for the operation, if any.
 */
export const deploymentView = z.object({
  operation: z.string(),
  days: z.number().int().min(0),
  longTerm: z.boolean(),
  judicialApproval: maybe(z.object({ approvedOn: z.string(), reference: z.string() })),
});

/** One source with everything its page shows. */
export const sourceView = sourceSummaryView.extend({
  roles: z.array(sourceRoleView),
  authorities: z.array(authorityView),
  approach: maybe(approachView),
  approachRequests: z.array(approachRequestView),
  recruitment: maybe(recruitmentView),
  assessments: z.array(assessmentView),
  authorisations: z.array(authorisationView),
  ccas: z.array(ccaView),
  breakGlass: z.array(breakGlassView),
  alerts: z.array(sourceAlertView),
  deployments: z.array(deploymentView),
  closedReason: maybe(z.string()),
});
export type SourceView = z.infer<typeof sourceView>;
