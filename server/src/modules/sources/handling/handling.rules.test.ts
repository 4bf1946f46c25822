import { describe, expect, it } from 'vitest';
import { handlingRules } from '#shared/contracts/sources-handling';
import type { AppError } from '../../../platform/errors';
import {
  admiraltyOf,
  appropriateAdultRefusal,
  defaultHandlingConfig,
  enhancedAssessmentRefusal,
  markingsRefusal,
  missingMeetingPlan,
  outsideLastAssessment,
  paymentTriggersReassessment,
  reassessmentDueAt,
  rewardDecisionRefusal,
  taskingRefusal,
  undercoverRewardRefusal,
} from './handling.rules';
import { findIdentifyingDetail, sanitisationRefusal } from './sanitiser';

const ruleOf = (e: AppError | null) => (e?.details as { rule?: string } | undefined)?.rule ?? null;
const now = new Date('2026-03-10T09:30:00Z');

describe('tasking (reg. 3(j))', () => {
  const live = {
    status: 'authorised',
    authorisationInForce: true,
    scheduledConduct: ['attend-meetings' as const],
  };
  it('allows a task inside the conduct the AO recorded', () => {
    expect(taskingRefusal(live, 'attend-meetings')).toBeNull();
  });
  it('refuses after cancellation', () => {
    expect(
      ruleOf(
        taskingRefusal({ ...live, status: 'cancelled', authorisationInForce: false }, 'attend-meetings'),
      ),
    ).toBe(handlingRules.taskingCancelled);
  });
  it('refuses without an authorisation in force', () => {
    expect(ruleOf(taskingRefusal({ ...live, authorisationInForce: false }, 'attend-meetings'))).toBe(
      handlingRules.taskingAuthorisation,
    );
    expect(ruleOf(taskingRefusal({ ...live, status: 'suspended' }, 'attend-meetings'))).toBe(
      handlingRules.taskingAuthorisation,
    );
  });
  it('refuses outside the authorised conduct, and without a schedule', () => {
    expect(ruleOf(taskingRefusal(live, 'record-conversations'))).toBe(handlingRules.taskingConduct);
    expect(ruleOf(taskingRefusal({ ...live, scheduledConduct: null }, 'attend-meetings'))).toBe(
      handlingRules.conductSchedule,
    );
  });
});

describe('meetings (reg. 3(k))', () => {
  it('refuses a meeting with an under-16 without a named appropriate adult', () => {
    expect(ruleOf(appropriateAdultRefusal('meeting', true, null))).toBe(handlingRules.appropriateAdult);
    expect(appropriateAdultRefusal('meeting', true, 'Mrs Adult')).toBeNull();
    expect(appropriateAdultRefusal('meeting', false, null)).toBeNull();
    expect(appropriateAdultRefusal('call', true, null)).toBeNull();
  });
  it('names what a meeting plan lacks', () => {
    expect(missingMeetingPlan({ location: 'x', coverStory: 'y' })).toEqual([
      'safetyArrangements',
      'fallbackContact',
    ]);
  });
});

describe('rewards (reg. 3(n))', () => {
  const parties = { requestedBy: 'h1', handlerIds: ['h1', 'h2'], controllerIds: ['c1'], amountPence: 10_000 };
  it('keeps four eyes: not the requester, not a handler', () => {
    expect(ruleOf(rewardDecisionRefusal(parties, 'h1', defaultHandlingConfig))).toBe(handlingRules.fourEyes);
    expect(ruleOf(rewardDecisionRefusal(parties, 'h2', defaultHandlingConfig))).toBe(handlingRules.fourEyes);
    expect(rewardDecisionRefusal(parties, 'ao', defaultHandlingConfig)).toBeNull();
  });
  it('sends a reward over the threshold to the controller', () => {
    const big = { ...parties, amountPence: defaultHandlingConfig.rewardControllerThresholdPence + 1 };
    expect(ruleOf(rewardDecisionRefusal(big, 'ao', defaultHandlingConfig))).toBe(
      handlingRules.rewardController,
    );
    expect(rewardDecisionRefusal(big, 'c1', defaultHandlingConfig)).toBeNull();
  });
  it('refuses rewards for an undercover officer', () => {
    expect(ruleOf(undercoverRewardRefusal('undercover-officer'))).toBe(handlingRules.undercoverReward);
    expect(undercoverRewardRefusal('member-of-public')).toBeNull();
  });
});

describe('re-assessment triggers', () => {
  it('is due the configured days after the trigger', () => {
    expect(reassessmentDueAt(now, { reassessmentDays: 7 }).toISOString()).toBe('2026-03-17T09:30:00.000Z');
  });
  it('fires for a task outside the last assessment and a payment over the threshold', () => {
    expect(outsideLastAssessment(['attend-meetings'], 'travel')).toBe(true);
    expect(outsideLastAssessment(['travel'], 'travel')).toBe(false);
    expect(outsideLastAssessment(null, 'travel')).toBe(true);
    expect(paymentTriggersReassessment(100_001, defaultHandlingConfig)).toBe(true);
    expect(paymentTriggersReassessment(100_000, defaultHandlingConfig)).toBe(false);
  });
  it('needs an enhanced assessment in date for a juvenile', () => {
    expect(ruleOf(enhancedAssessmentRefusal(true, null, now))).toBe(handlingRules.enhancedRisk);
    expect(ruleOf(enhancedAssessmentRefusal(true, new Date('2026-03-09T00:00:00Z'), now))).toBe(
      handlingRules.enhancedRisk,
    );
    expect(enhancedAssessmentRefusal(true, new Date('2026-04-09T00:00:00Z'), now)).toBeNull();
    expect(enhancedAssessmentRefusal(false, null, now)).toBeNull();
  });
});

describe('grading and markings (LAW.md §5)', () => {
  it('maps 3x5x2 to the Admiralty code', () => {
    expect(admiraltyOf('1', 'A')).toBe('A1');
    expect(admiraltyOf('2', 'C')).toBe('F3');
    expect(admiraltyOf('3', 'E')).toBe('E5');
  });
  it('refuses a product marked below its source', () => {
    const source = { classification: 'SECRET' as const, caveats: ['UK EYES ONLY'] };
    expect(ruleOf(markingsRefusal(source, { classification: 'OFFICIAL', caveats: ['UK EYES ONLY'] }))).toBe(
      handlingRules.markings,
    );
    expect(ruleOf(markingsRefusal(source, { classification: 'SECRET', caveats: [] }))).toBe(
      handlingRules.markings,
    );
    expect(
      markingsRefusal(source, { classification: 'TOP SECRET', caveats: ['UK EYES ONLY', 'X'] }),
    ).toBeNull();
  });
});

describe('the sanitiser (reg. 3(m))', () => {
  const detail = {
    pseudonym: 'BLUE HERON',
    urn: 'SRC-2026-0042',
    names: ['Jonathan Edward Smythe'],
    addresses: ['14 Larkspur Close\nNewtown NT4 2QQ'],
    identityNumbers: ['AB123456C'],
    identitiesUsed: ['Johnny Dee'],
    meetingPlaces: ['Car park behind the Red Lion'],
  };
  it('passes clean text', () => {
    expect(findIdentifyingDetail('A shipment arrives at the docks on Friday night.', detail)).toEqual([]);
  });
  it('finds each kind in any case and spacing', () => {
    expect(findIdentifyingDetail('per blue  heron', detail)).toEqual(['the pseudonym']);
    expect(findIdentifyingDetail('ref src 2026 0042', detail)).toEqual(['the URN']);
    expect(findIdentifyingDetail('told by J O N A T H A N EDWARD smythe', detail)).toEqual([
      'a name from the identity vault',
    ]);
    expect(findIdentifyingDetail('Mr SMYTHE said', detail)).toEqual(['a name from the identity vault']);
    expect(findIdentifyingDetail('lives at 14 LARKSPUR close', detail)).toEqual([
      'an address from the identity vault',
    ]);
    expect(findIdentifyingDetail('passport ab 123 456 c', detail)).toEqual([
      'an identity number from the identity vault',
    ]);
    expect(findIdentifyingDetail('known as johnny-dee', detail)).toEqual(['an identity the source uses']);
    expect(findIdentifyingDetail('met at the car park behind the red lion', detail)).toEqual([
      'a meeting place',
    ]);
  });
  it('names the kind found, never the value', () => {
    const e = sanitisationRefusal('Jonathan Smythe of 14 Larkspur Close', detail);
    expect(ruleOf(e)).toBe(handlingRules.sanitisation);
    const said = JSON.stringify({ message: e?.message, details: e?.details });
    expect(said).toContain('a name from the identity vault');
    for (const secret of ['Jonathan', 'Smythe', 'Larkspur'])
      expect(said.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
