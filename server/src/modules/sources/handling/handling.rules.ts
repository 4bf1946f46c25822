import {
  type ConductCategory,
  type HandlingCode,
  handlingRules,
  type IntelligenceGrade,
  type SourceEvaluation,
} from '#shared/contracts/sources-handling';
import { type Classification, classifications } from '#shared/contracts/markings';
import type { AppError } from '../../../platform/errors';
import { addDays, refuse } from '../sources.rules';

// The rules of the handling life as pure functions of the record and the instant they are given:
// nothing here reads the time or the database.

/** The configured values of the handling rules (config.ts `sources.handling`; defaults below). */
export interface HandlingRuleConfig {
  /** A reward above this (pence) is approved by the source's controller. */
  rewardControllerThresholdPence: number;
  /** A payment above this (pence) triggers a risk re-assessment. */
  reassessmentPaymentThresholdPence: number;
  /** A re-assessment raised by a trigger is due this many days later. */
  reassessmentDays: number;
  /** A risk assessment is looked at again after this many days (the enhanced one: juvenile days). */
  riskReviewDays: number;
  enhancedRiskReviewDays: number;
}

export const defaultHandlingConfig: HandlingRuleConfig = {
  rewardControllerThresholdPence: 50_000,
  reassessmentPaymentThresholdPence: 100_000,
  reassessmentDays: 7,
  riskReviewDays: 90,
  enhancedRiskReviewDays: 30,
};

/** What tasking reads: the source's status and type, the authorisation in force and its conduct schedule. */
export interface TaskingFacts {
  status: string;
  authorisationInForce: boolean;
  /** The latest conduct schedule of the authorisation in force, or null when the AO recorded none. */
  scheduledConduct: readonly ConductCategory[] | null;
}

/**
 * Why a task naming `conduct` is refused, or null (reg. 3(j); RIPA s.29(4), s.45): after
 * cancellation nobody tasks the source; without an authorisation in force nobody does; a task
 * outside the conduct the AO recorded for that authorisation goes back to the AO.
 */
export function taskingRefusal(facts: TaskingFacts, conduct: ConductCategory): AppError | null {
  if (facts.status === 'cancelled' || facts.status === 'closed')
    return refuse(handlingRules.taskingCancelled, 'The source is cancelled: nobody may task it.');
  if (!facts.authorisationInForce || facts.status !== 'authorised')
    return refuse(
      handlingRules.taskingAuthorisation,
      'The source has no authorisation in force (or is suspended): it may not be tasked.',
    );
  if (facts.scheduledConduct === null)
    return refuse(
      handlingRules.conductSchedule,
      'The authorising officer has not recorded the conduct this authorisation covers: ask them to.',
    );
  if (!facts.scheduledConduct.includes(conduct))
    return refuse(
      handlingRules.taskingConduct,
      `The authorisation does not cover "${conduct}": go back to the authorising officer.`,
      { conduct },
    );
  return null;
}

/** The plan a meeting needs (CHIS Code 2022, security and welfare): the fields it lacks. */
export function missingMeetingPlan(plan: {
  location?: string | undefined;
  coverStory?: string | undefined;
  safetyArrangements?: string | undefined;
  fallbackContact?: string | undefined;
}): string[] {
  return (['location', 'coverStory', 'safetyArrangements', 'fallbackContact'] as const).filter(
    (f) => !plan[f],
  );
}

/** SI 2000/2793 art. 4: a meeting with an under-16 names the appropriate adult who attends. */
export function appropriateAdultRefusal(
  kind: string,
  under16: boolean,
  appropriateAdult: string | null | undefined,
): AppError | null {
  if (kind !== 'meeting' || !under16 || appropriateAdult) return null;
  return refuse(
    handlingRules.appropriateAdult,
    'The source is under 16: the meeting record must name the appropriate adult who attends.',
    { fields: [{ path: 'body.appropriateAdult', message: 'required for a source under 16' }] },
  );
}

/** What the reward rules read about the source and the officers. */
export interface RewardParties {
  requestedBy: string;
  handlerIds: readonly string[];
  controllerIds: readonly string[];
  amountPence: number;
}

/**
 * Four eyes (reg. 3(n)): the approver is neither the requester nor a handler of the source; above
 * the threshold only the controller approves.
 */
export function rewardDecisionRefusal(
  parties: RewardParties,
  approverId: string,
  config: Pick<HandlingRuleConfig, 'rewardControllerThresholdPence'>,
): AppError | null {
  if (approverId === parties.requestedBy)
    return refuse(handlingRules.fourEyes, 'You requested this reward: another officer decides it.');
  if (parties.handlerIds.includes(approverId))
    return refuse(handlingRules.fourEyes, 'You handle this source: another officer decides its rewards.');
  if (needsController(parties.amountPence, config) && !parties.controllerIds.includes(approverId))
    return refuse(
      handlingRules.rewardController,
      "This reward is above the threshold: the source's controller decides it.",
    );
  return null;
}

export function needsController(
  amountPence: number,
  config: Pick<HandlingRuleConfig, 'rewardControllerThresholdPence'>,
): boolean {
  return amountPence > config.rewardControllerThresholdPence;
}

/** reg. 3(n) applies to sources who are not undercover officers: their rewards are refused. */
export function undercoverRewardRefusal(sourceType: string): AppError | null {
  return sourceType === 'undercover-officer'
    ? refuse(handlingRules.undercoverReward, 'An undercover officer is not paid or rewarded as a source.')
    : null;
}

/** When a re-assessment raised now is due. */
export function reassessmentDueAt(now: Date, config: Pick<HandlingRuleConfig, 'reassessmentDays'>): Date {
  return addDays(now, config.reassessmentDays);
}

/** A task outside what the last risk assessment considered triggers a re-assessment. */
export function outsideLastAssessment(
  covered: readonly ConductCategory[] | null,
  conduct: ConductCategory,
): boolean {
  return covered === null || !covered.includes(conduct);
}

/** A payment above the threshold triggers a re-assessment. */
export function paymentTriggersReassessment(
  amountPence: number,
  config: Pick<HandlingRuleConfig, 'reassessmentPaymentThresholdPence'>,
): boolean {
  return amountPence > config.reassessmentPaymentThresholdPence;
}

/** When a risk assessment recorded at `at` is looked at again (the enhanced one more often). */
export function riskReviewBy(
  kind: 'risk' | 'enhanced-risk',
  at: Date,
  config: Pick<HandlingRuleConfig, 'riskReviewDays' | 'enhancedRiskReviewDays'>,
): Date {
  return addDays(at, kind === 'enhanced-risk' ? config.enhancedRiskReviewDays : config.riskReviewDays);
}

/** SI 2000/2793 art. 5: a juvenile has an enhanced risk assessment, in date. */
export function enhancedAssessmentRefusal(
  juvenile: boolean,
  latestEnhancedReviewBy: Date | null,
  now: Date,
): AppError | null {
  if (!juvenile) return null;
  if (latestEnhancedReviewBy === null)
    return refuse(
      handlingRules.enhancedRisk,
      'The source is under 18: record an enhanced risk assessment first.',
    );
  if (now > latestEnhancedReviewBy)
    return refuse(
      handlingRules.enhancedRisk,
      "The source's enhanced risk assessment is out of date: renew it first.",
    );
  return null;
}

const admiraltyReliability: Record<SourceEvaluation, string> = { '1': 'A', '2': 'F', '3': 'E' };
const admiraltyCredibility: Record<IntelligenceGrade, string> = { A: '1', B: '2', C: '3', D: '6', E: '5' };

/**
 * The Admiralty (NATO) equivalent of a 3x5x2 grading (LAW.md §5): source 1 reliable → A, 2
 * untested → F (cannot be judged), 3 not reliable → E; intelligence A known directly → 1
 * (confirmed), B corroborated → 2, C known indirectly → 3, D not known → 6 (cannot be judged),
 * E suspected false → 5 (improbable).
 */
export function admiraltyOf(source: SourceEvaluation, intelligence: IntelligenceGrade): string {
  return `${admiraltyReliability[source]}${admiraltyCredibility[intelligence]}`;
}

export function gradingCode(
  source: SourceEvaluation,
  intelligence: IntelligenceGrade,
  handling: HandlingCode,
) {
  return `${source}/${intelligence}/${handling}`;
}

/** Handling code C shares only with stated conditions. */
export function handlingConditionsRefusal(
  handling: HandlingCode,
  conditions: string | undefined,
): AppError | null {
  if (handling !== 'C' || conditions) return null;
  return refuse(handlingRules.sanitisation, 'Handling code C needs the conditions of sharing.', {
    fields: [{ path: 'body.handlingConditions', message: 'required for handling code C' }],
  });
}

/** A derived product carries at least the markings of its source (LAW.md §5). */
export function markingsRefusal(
  source: { classification: Classification; caveats: readonly string[] },
  product: { classification: Classification; caveats: readonly string[] },
): AppError | null {
  const lower =
    classifications.indexOf(product.classification) < classifications.indexOf(source.classification);
  const missing = source.caveats.filter((c) => !product.caveats.includes(c));
  if (!lower && missing.length === 0) return null;
  return refuse(handlingRules.markings, 'A product carries at least the markings of its source.', {
    fields: [
      { path: lower ? 'body.classification' : 'body.caveats', message: 'below the source’s markings' },
    ],
  });
}
