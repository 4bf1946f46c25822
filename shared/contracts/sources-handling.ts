import { z } from 'zod';
import { caveatSchema, classificationSchema } from './markings';
import { isoDate, isoDateTime } from './sources';
import {
  conductCategorySchema,
  contactKindSchema,
  handlingCodes,
  intelligenceGrades,
  rewardKindSchema,
  riskAssessmentKindSchema,
  sourceEvaluations,
} from './sources-handling-rules';
import { multiLineText, singleLineText } from './text';

export * from './sources-handling-rules';
export * from './sources-handling-views';

// The handling life of a source (issue 21), under /api/sources (permission in brackets; every
// route under a source answers 404 to one not read into it, exactly as for an unknown id; reads of
// contacts and rewards are audited sensitive reads):
//   GET  /api/sources/:id/handling         [read]   → handlingView (audited: contacts, rewards)
//   GET  /api/sources/:id/completeness     [read]   → completenessView (reg. 3 (a)–(n))
//   GET  /api/sources/:id/timeline         [read]   → timelineView
//   POST /api/sources/:id/risk-assessments [handle] riskAssessmentBody → handlingView (201)
//   POST /api/sources/:id/risk-assessments/:assessmentId/confirmation [authorise] riskConfirmationBody → handlingView
//   POST /api/sources/:id/authorisations/:authorisationId/conduct [authorise] conductScheduleBody → handlingView (201)
//   POST /api/sources/:id/taskings         [handle] taskingBody → handlingView (201)
//   POST /api/sources/:id/compromise-indicators [handle] compromiseBody → handlingView (201)
//   POST /api/sources/:id/contacts         [handle] contactBody → handlingView (201)
//   POST /api/sources/:id/contacts/:contactId/outcome [handle] contactOutcomeBody → handlingView
//   POST /api/sources/:id/intelligence     [handle] intelligenceBody → handlingView (201)
//   POST /api/sources/:id/intelligence/:reportId/products [handle] productBody → handlingView (201)
//   POST /api/sources/:id/rewards          [handle] rewardBody → handlingView (201)
//   POST /api/sources/:id/rewards/:rewardId/decision [read] rewardDecisionBody → handlingView
//   POST /api/sources/:id/rewards/:rewardId/payment  [handle] rewardPaymentBody → handlingView
//   POST /api/sources/:id/disclosures      [handle] disclosureBody → handlingView (201)
//   GET  /api/sources/calendar             [read]   calendarQuery → calendarView (audited: contacts)
//   GET  /api/sources/dashboard            [read]   → dashboardView (the handler's and controller's clocks)
//   GET  /api/sources/products             [read]   → releasedProductsResponse (released to me, within my markings)
// Refusals by rule are RULE_VIOLATION (422) with `details.rule` one of `handlingRules` or `sourceRules`.

const line = (max = 200) => singleLineText().trim().min(1).max(max);
const prose = (max = 5000) => multiLineText().trim().min(1).max(max);

export const assessmentParams = z.strictObject({ id: z.uuid(), assessmentId: z.uuid() });
export const contactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });
export const reportParams = z.strictObject({ id: z.uuid(), reportId: z.uuid() });
export const rewardParams = z.strictObject({ id: z.uuid(), rewardId: z.uuid() });

/**
 * A risk assessment (reg. 3(e)), a new version each time (a correction names the version it
 * corrects and why). The enhanced one (every under-18) covers physical and psychological welfare.
 * `conductCovered`: the conduct it considered; a task outside it triggers a re-assessment.
 */
export const riskAssessmentBody = z.strictObject({
  kind: riskAssessmentKindSchema,
  security: prose(),
  welfare: prose(),
  physicalWelfare: prose().optional(),
  psychologicalWelfare: prose().optional(),
  conductCovered: z.array(conductCategorySchema).max(20).default([]),
  /** When it must be looked at again (default by rule: 30 days for the enhanced one, 90 otherwise). */
  reviewBy: isoDate.optional(),
  /** The version this one corrects, and why (reg. 3: corrections are new versions). */
  corrects: z.uuid().optional(),
  correctionReason: prose(2000).optional(),
});
export type RiskAssessmentBody = z.infer<typeof riskAssessmentBody>;
export type RiskAssessmentInput = z.input<typeof riskAssessmentBody>;

/** reg. 3(f): the AO confirms the risks were considered and, where appropriate, explained and understood. */
export const riskConfirmationBody = z.strictObject({
  considered: z.literal(true),
  explainedToSource: z.boolean(),
  understoodBySource: z.boolean(),
  /** Why explaining was not appropriate, when it was not explained. */
  notes: prose(2000).optional(),
});
export type RiskConfirmationBody = z.infer<typeof riskConfirmationBody>;

/** The conduct an authorisation covers, recorded by its AO (a new schedule replaces the old). */
export const conductScheduleBody = z.strictObject({
  categories: z.array(conductCategorySchema).min(1).max(20),
  notes: prose(2000).optional(),
});
export type ConductScheduleBody = z.infer<typeof conductScheduleBody>;

/** A task or demand made of the source (reg. 3(j)), naming the conduct category it asks for. */
export const taskingBody = z.strictObject({
  conduct: conductCategorySchema,
  description: prose(),
  dueBy: isoDate.optional(),
});
export type TaskingBody = z.infer<typeof taskingBody>;

/** A compromise indicator: triggers a re-assessment. */
export const compromiseBody = z.strictObject({ details: prose() });
export type CompromiseBody = z.infer<typeof compromiseBody>;

/**
 * A contact (reg. 3(k)). A planned meeting has its plan (location, cover story, safety, fall-back);
 * a call or a message is logged as held. Attendees are officers (ids) and others by name; a meeting
 * with an under-16 names the appropriate adult.
 */
export const contactBody = z.strictObject({
  kind: contactKindSchema,
  at: isoDateTime,
  state: z.enum(['planned', 'held']).default('planned'),
  location: line(300).optional(),
  coverStory: prose(2000).optional(),
  safetyArrangements: prose(2000).optional(),
  fallbackContact: prose(1000).optional(),
  officerIds: z.array(z.uuid()).max(10).default([]),
  otherAttendees: z.array(line()).max(10).default([]),
  appropriateAdult: line().optional(),
  summary: prose().optional(),
});
export type ContactBody = z.infer<typeof contactBody>;
export type ContactInput = z.input<typeof contactBody>;

/** After the contact: held or missed (or called off), the outcome and welfare notes. */
export const contactOutcomeBody = z.strictObject({
  state: z.enum(['held', 'missed', 'called-off']),
  at: isoDateTime.optional(),
  outcome: prose(),
  welfareNotes: prose().optional(),
  appropriateAdult: line().optional(),
});
export type ContactOutcomeBody = z.infer<typeof contactOutcomeBody>;

/** Intelligence obtained (reg. 3(l)), graded 3x5x2; the raw report stays in the source's compartment. */
export const intelligenceBody = z.strictObject({
  contactId: z.uuid().optional(),
  reportedAt: isoDateTime.optional(),
  report: prose(20000),
  sourceEvaluation: z.enum(sourceEvaluations),
  intelligenceGrade: z.enum(intelligenceGrades),
  handling: z.enum(handlingCodes),
  /** Required for handling code C: the conditions of sharing. */
  handlingConditions: prose(2000).optional(),
});
export type IntelligenceBody = z.infer<typeof intelligenceBody>;

/**
 * A sanitised product (reg. 3(m)) released to named recipients (officers), marked at least as its
 * source. Its text is checked for the pseudonym, URN, the vault's names, addresses and identity
 * numbers, and the meeting places.
 */
export const productBody = z.strictObject({
  title: line(),
  text: prose(20000),
  classification: classificationSchema.optional(),
  caveats: z.array(caveatSchema).max(10).default([]),
  handling: z.enum(handlingCodes),
  handlingConditions: prose(2000).optional(),
  recipientIds: z.array(z.uuid()).min(1).max(50),
});
export type ProductBody = z.infer<typeof productBody>;

/** A reward (reg. 3(n)): amounts in pence. */
export const rewardBody = z.strictObject({
  kind: rewardKindSchema,
  amountPence: z.number().int().min(0).max(100_000_000),
  description: prose(2000),
});
export type RewardBody = z.infer<typeof rewardBody>;

export const rewardDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reasons: prose(2000),
});
export type RewardDecisionBody = z.infer<typeof rewardDecisionBody>;

export const rewardPaymentBody = z.strictObject({
  receiptReference: line(100),
  paidAt: isoDateTime.optional(),
});
export type RewardPaymentBody = z.infer<typeof rewardPaymentBody>;

/** "Who can I tell": a person the source told about the relationship, when, and the advice. */
export const disclosureBody = z.strictObject({
  person: line(),
  relationship: line(),
  disclosedOn: isoDate,
  advice: prose(),
});
export type DisclosureBody = z.infer<typeof disclosureBody>;

/** The handler's week: contacts from `from` (inclusive) to `to` (exclusive), across my sources. */
export const calendarQuery = z.strictObject({ from: isoDateTime, to: isoDateTime });
export type CalendarQuery = z.infer<typeof calendarQuery>;
