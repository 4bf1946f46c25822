import { z } from 'zod';

// The vocabulary of the handling life (issue 21; SI 2000/2725 reg. 3(e)-(n)): conduct categories,
// contacts, grading, rewards, re-assessment triggers, and the names of the rules a refusal sends in
// `details.rule` (alongside `sourceRules` of Sources I).

/**
 * The categories of conduct an authorisation may cover. The AO records which of them a grant covers
 * (its conduct schedule); a task names one, and a task whose category the schedule of the
 * authorisation in force does not list is refused: the handler goes back to the AO.
 */
export const conductCategories = [
  'maintain-relationship',
  'attend-meetings',
  'report-information',
  'introduce-officer',
  'record-conversations',
  'obtain-documents',
  'online-activity',
  'travel',
] as const;
export type ConductCategory = (typeof conductCategories)[number];
export const conductCategorySchema = z.enum(conductCategories);

/** Every contact or communication (reg. 3(k)): a meeting, a call, a message. */
export const contactKinds = ['meeting', 'call', 'message'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKindSchema = z.enum(contactKinds);

/** Planned, then held or missed (a missed meeting triggers a re-assessment), or called off. */
export const contactStates = ['planned', 'held', 'missed', 'called-off'] as const;
export type ContactState = (typeof contactStates)[number];

/** 3x5x2 (LAW.md §5): source evaluation 1–3, intelligence A–E, handling P or C. */
export const sourceEvaluations = ['1', '2', '3'] as const;
export type SourceEvaluation = (typeof sourceEvaluations)[number];
export const intelligenceGrades = ['A', 'B', 'C', 'D', 'E'] as const;
export type IntelligenceGrade = (typeof intelligenceGrades)[number];
export const handlingCodes = ['P', 'C'] as const;
export type HandlingCode = (typeof handlingCodes)[number];

/** Rewards (reg. 3(n)): an offer, a payment, a benefit, expenses. */
export const rewardKinds = ['offer', 'payment', 'benefit', 'expenses'] as const;
export type RewardKind = (typeof rewardKinds)[number];
export const rewardKindSchema = z.enum(rewardKinds);
export const rewardStates = ['requested', 'approved', 'refused', 'paid'] as const;
export type RewardState = (typeof rewardStates)[number];

/** Risk assessments (reg. 3(e)): security and welfare, or the juvenile enhanced one (physical and psychological). */
export const riskAssessmentKinds = ['risk', 'enhanced-risk'] as const;
export type RiskAssessmentKind = (typeof riskAssessmentKinds)[number];
export const riskAssessmentKindSchema = z.enum(riskAssessmentKinds);

/** The events that must trigger a re-assessment (CHIS Code 2022, security and welfare). */
export const reassessmentTriggers = [
  'tasking-outside-assessment',
  'compromise-indicator',
  'payment-threshold',
  'missed-meeting',
  'disclosure',
  'enhanced-out-of-date',
] as const;
export type ReassessmentTrigger = (typeof reassessmentTriggers)[number];

/** The 14 particulars of SI 2000/2725 reg. 3. */
export const particulars = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'] as const;
export type Particular = (typeof particulars)[number];
export const particularStates = ['present', 'missing', 'not-applicable'] as const;
export type ParticularState = (typeof particularStates)[number];

/** The rules of the handling life a refusal names in `details.rule`. */
export const handlingRules = {
  /** reg. 3(j) and RIPA s.29(4): tasks only under a live authorisation. */
  taskingAuthorisation:
    'RIPA s.29(4); SI 2000/2725 reg. 3(j): a source is tasked only under an authorisation in force',
  taskingCancelled: 'RIPA s.45; CHIS Code 2022: nobody tasks a source after cancellation',
  taskingConduct:
    'RIPA s.29(4): a task outside the conduct the authorisation covers goes back to the authorising officer',
  conductSchedule: 'RIPA s.29(4): the conduct an authorisation covers is recorded by its authorising officer',
  appropriateAdult:
    'SI 2000/2793 art. 4: an appropriate adult attends every meeting with a source under 16 (the record names them)',
  meetingPlan:
    'CHIS Code 2022 (security and welfare): a meeting is planned with its cover story, safety and fall-back',
  riskConfirmation:
    'SI 2000/2725 reg. 3(f): the authorising officer confirms that the risks were considered and explained',
  enhancedRisk:
    'SI 2000/2793 art. 5: an enhanced risk assessment (physical and psychological welfare) for every juvenile',
  sanitisation:
    'SI 2000/2725 reg. 3(m); CHIS Code 2022: source-identifying detail is removed before dissemination',
  markings: 'A derived product carries at least the markings of what it was made from',
  fourEyes:
    'SI 2000/2725 reg. 3(n): a reward is approved by an officer who is neither its requester nor the handler',
  rewardController: 'Lantern sources: a reward over the configured threshold is approved by the controller',
  undercoverReward:
    'SI 2000/2725 reg. 3(n): payments and rewards are recorded for sources who are not undercover officers',
  rewardState: 'SI 2000/2725 reg. 3(n): a reward is requested, approved, then paid with a receipt',
  correction: 'SI 2000/2725 reg. 3: no particular is deleted; a correction is a new version with who and why',
} as const;
export type HandlingRule = (typeof handlingRules)[keyof typeof handlingRules];
