import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type ContactInput, contactBody, handlingRules } from '#shared/contracts/sources-handling';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { refusal } from '../sources.test-support';
import { listAlerts } from '../use-cases/alerts';
import { cancelSource } from '../use-cases/change-status';
import { readHandling } from './use-cases/record';
import { recordContact, recordContactOutcome } from './use-cases/contacts';
import { disseminate, listReleasedProducts, recordIntelligence } from './use-cases/intelligence';
import { decideReward, payReward, requestReward } from './use-cases/rewards';
import { confirmAssessment, recordConductSchedule, recordRiskAssessment } from './use-cases/risk';
import { giveTask } from './use-cases/tasking';
import { recordDisclosure } from './use-cases/disclosures';
import { completenessOf } from './use-cases/record';

// The handling life's rules against the database, with an injected clock.

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
appPerFile((t) => ({ app } = t), clock);
const ctx = () => contextOf(app);
const start = () => clock.set(new Date('2026-03-10T09:30:00Z'));

const risk = {
  kind: 'risk' as const,
  security: 'Meetings away from the home area.',
  welfare: 'No welfare concerns recorded.',
  conductCovered: ['attend-meetings' as const, 'report-information' as const],
};
const contact = (input: ContactInput) => contactBody.parse(input);
const plan: ContactInput = {
  kind: 'meeting',
  at: '2026-03-12T18:00:00Z',
  location: 'Lay-by on the old mill road',
  coverStory: 'Meeting a friend about a car.',
  safetyArrangements: 'Second officer in a vehicle nearby.',
  fallbackContact: 'Text the agreed number with the word "later".',
};

async function authorisedWithSchedule(overrides: Parameters<typeof buildSource>[1] = {}) {
  const built = await buildSource(ctx(), overrides);
  const as = (u: typeof built.people.handler) => scopeFor(ctx(), u);
  await recordConductSchedule(ctx(), await as(built.people.ao), built.id, built.authorisationId!, {
    categories: ['attend-meetings', 'report-information'],
  });
  return { ...built, as };
}

describe('tasking (reg. 3(j))', () => {
  it('tasks within the conduct, refuses outside it and after cancellation', async () => {
    start();
    const s = await authorisedWithSchedule();
    const handler = await s.as(s.people.handler);
    await recordRiskAssessment(ctx(), handler, s.id, risk);
    const ok = await giveTask(ctx(), handler, s.id, {
      conduct: 'attend-meetings',
      description: 'Attend the Friday meeting.',
    });
    expect(ok.handling.taskings).toHaveLength(1);
    expect(ok.handling.handlerTasks).toHaveLength(0);
    const outside = await refusal(
      giveTask(ctx(), handler, s.id, { conduct: 'record-conversations', description: 'Record it.' }),
    );
    expect(outside.rule).toBe(handlingRules.taskingConduct);
    await cancelSource(ctx(), await s.as(s.people.ao), s.id, 'No longer necessary.');
    const after = await refusal(
      giveTask(ctx(), handler, s.id, { conduct: 'attend-meetings', description: 'Again.' }),
    );
    expect(after.rule).toBe(handlingRules.taskingCancelled);
  });

  it('refuses a source with no authorisation, and raises a re-assessment for a task outside the last one', async () => {
    start();
    const recruited = await buildSource(ctx(), { stage: 'recruited' });
    const none = await refusal(
      giveTask(ctx(), await scopeFor(ctx(), recruited.people.handler), recruited.id, {
        conduct: 'attend-meetings',
        description: 'x',
      }),
    );
    expect(none.rule).toBe(handlingRules.taskingAuthorisation);
    const s = await authorisedWithSchedule();
    const result = await giveTask(ctx(), await s.as(s.people.handler), s.id, {
      conduct: 'report-information',
      description: 'y',
    });
    expect(result.handling.handlerTasks.map((t) => t.trigger)).toEqual(['tasking-outside-assessment']);
    expect(result.handling.handlerTasks[0]!.dueAt.toISOString()).toBe('2026-03-17T09:30:00.000Z');
    const assessed = await recordRiskAssessment(ctx(), await s.as(s.people.handler), s.id, risk);
    expect(assessed.handling.handlerTasks[0]!.doneAt).not.toBeNull();
  });
});

describe('contacts (reg. 3(k))', () => {
  it('refuses a meeting with an under-16 without an appropriate adult, and a plan without its parts', async () => {
    start();
    const s = await buildSource(ctx(), {
      identity: { dateOfBirth: '2011-06-01', appropriateAdult: 'A. Guardian' },
      stage: 'recruited',
    });
    const handler = await scopeFor(ctx(), s.people.handler);
    expect((await refusal(recordContact(ctx(), handler, s.id, contact(plan)))).rule).toBe(
      handlingRules.appropriateAdult,
    );
    expect(
      (await refusal(recordContact(ctx(), handler, s.id, contact({ ...plan, coverStory: undefined })))).rule,
    ).toBe(handlingRules.meetingPlan);
    const ok = await recordContact(
      ctx(),
      handler,
      s.id,
      contact({ ...plan, appropriateAdult: 'A. Guardian' }),
    );
    expect(ok.handling.contacts[0]!.appropriateAdult).toBe('A. Guardian');
  });

  it('flags a contact with a prospect, and a missed meeting raises a re-assessment', async () => {
    start();
    const prospect = await buildSource(ctx(), { stage: 'prospect' });
    const logged = await recordContact(
      ctx(),
      await scopeFor(ctx(), prospect.people.handler),
      prospect.id,
      contact({
        kind: 'call',
        at: '2026-03-10T08:00:00Z',
        state: 'held',
        summary: 'Called about the approach.',
      }),
    );
    expect(logged.handling.contacts[0]!.flag).toBe('status-drift');
    const s = await buildSource(ctx());
    const handler = await scopeFor(ctx(), s.people.handler);
    const planned = await recordContact(ctx(), handler, s.id, contact(plan));
    const missed = await recordContactOutcome(ctx(), handler, s.id, planned.handling.contacts[0]!.id, {
      state: 'missed',
      outcome: 'The source did not come.',
    });
    expect(missed.handling.handlerTasks.map((t) => t.trigger)).toEqual(['missed-meeting']);
  });
});

describe('intelligence and dissemination (reg. 3(l)(m))', () => {
  it('refuses a product naming the source, releases a sanitised one to its recipients', async () => {
    start();
    const s = await buildSource(ctx(), {
      identity: { name: 'Marjorie Quillfeather', addresses: ['7 Thistledown Row, Oldbridge'] },
    });
    const handler = await scopeFor(ctx(), s.people.handler);
    const planned = await recordContact(ctx(), handler, s.id, contact(plan));
    const reported = await recordIntelligence(ctx(), handler, s.id, {
      contactId: planned.handling.contacts[0]!.id,
      report: 'Marjorie says the van comes on Friday.',
      sourceEvaluation: '2',
      intelligenceGrade: 'B',
      handling: 'P',
    });
    const reportId = reported.handling.reports[0]!.id;
    const analyst = await buildOfficer(ctx(), 'handler');
    const product = {
      title: 'Vehicle movements',
      handling: 'P' as const,
      recipientIds: [analyst.id],
      caveats: [],
    };
    for (const [text, kind] of [
      ['mrs QUILLFEATHER reports a van', 'a name from the identity vault'],
      ['from 7 thistledown  row', 'an address from the identity vault'],
      [`per ${reported.state.source.pseudonym.toLowerCase()}`, 'the pseudonym'],
      ['seen near the lay-by on the OLD MILL road', 'a meeting place'],
    ] as const) {
      const r = await refusal(disseminate(ctx(), handler, s.id, reportId, { ...product, text }));
      expect(r.rule).toBe(handlingRules.sanitisation);
      expect(r.message).toContain(kind);
      expect(r.message.toLowerCase()).not.toContain('quillfeather');
    }
    const below = await refusal(
      disseminate(ctx(), handler, s.id, reportId, {
        ...product,
        classification: 'OFFICIAL',
        text: 'A van comes on Friday.',
      }),
    );
    expect(below.rule).toBe(handlingRules.markings);
    const released = await disseminate(ctx(), handler, s.id, reportId, {
      ...product,
      text: 'A van comes on Friday.',
    });
    expect(released.handling.products[0]!.provenance.reportId).toBe(reportId);
    const received = await listReleasedProducts(ctx(), await scopeFor(ctx(), analyst));
    expect(received.map((p) => p.text)).toEqual(['A van comes on Friday.']);
    expect(received[0]!.grading).toBe('2/B/P (F2)');
    expect(JSON.stringify(received)).not.toContain(s.id);
  });
});

describe('rewards (reg. 3(n))', () => {
  it('keeps four eyes, sends large rewards to the controller, refuses an undercover officer', async () => {
    start();
    const s = await buildSource(ctx());
    const handler = await scopeFor(ctx(), s.people.handler);
    const small = await requestReward(ctx(), handler, s.id, {
      kind: 'expenses',
      amountPence: 2500,
      description: 'Travel.',
    });
    const rewardId = small.handling.rewards[0]!.id;
    expect(
      (await refusal(decideReward(ctx(), handler, s.id, rewardId, { decision: 'approve', reasons: 'ok' })))
        .rule,
    ).toBe(handlingRules.fourEyes);
    await decideReward(ctx(), await scopeFor(ctx(), s.people.ao), s.id, rewardId, {
      decision: 'approve',
      reasons: 'Reasonable.',
    });
    const paid = await payReward(ctx(), handler, s.id, rewardId, { receiptReference: 'RCPT-1' });
    expect(paid.handling.rewards.find((r) => r.id === rewardId)!.state).toBe('paid');
    expect(paid.handling.handlerTasks).toHaveLength(0);
    const big = await requestReward(ctx(), handler, s.id, {
      kind: 'payment',
      amountPence: 150_000,
      description: 'Reward.',
    });
    const bigId = big.handling.rewards.find((r) => r.amountPence === 150_000)!.id;
    expect(big.handling.handlerTasks.map((t) => t.trigger)).toEqual(['payment-threshold']);
    expect(
      (
        await refusal(
          decideReward(ctx(), await scopeFor(ctx(), s.people.ao), s.id, bigId, {
            decision: 'approve',
            reasons: 'x',
          }),
        )
      ).rule,
    ).toBe(handlingRules.rewardController);
    await decideReward(ctx(), await scopeFor(ctx(), s.people.controller), s.id, bigId, {
      decision: 'approve',
      reasons: 'Justified.',
    });
    const undercover = await buildSource(ctx(), { type: 'undercover-officer' });
    const r = await refusal(
      requestReward(ctx(), await scopeFor(ctx(), undercover.people.handler), undercover.id, {
        kind: 'payment',
        amountPence: 1,
        description: 'x',
      }),
    );
    expect(r.rule).toBe(handlingRules.undercoverReward);
  });
});

describe('the complete record (reg. 3)', () => {
  it('shows every particular present after the handling life, and 404s a second handler', async () => {
    start();
    const s = await authorisedWithSchedule();
    const handler = await s.as(s.people.handler);
    const assessed = await recordRiskAssessment(ctx(), handler, s.id, risk);
    expect(
      completenessOf(assessed.state, assessed.handling).particulars.find((p) => p.particular === 'f')!.state,
    ).toBe('missing');
    await confirmAssessment(ctx(), await s.as(s.people.ao), s.id, assessed.handling.riskAssessments[0]!.id, {
      considered: true,
      explainedToSource: true,
      understoodBySource: true,
    });
    await giveTask(ctx(), handler, s.id, { conduct: 'attend-meetings', description: 'Attend.' });
    const met = await recordContact(ctx(), handler, s.id, contact({ ...plan, state: 'held' }));
    const rep = await recordIntelligence(ctx(), handler, s.id, {
      contactId: met.handling.contacts[0]!.id,
      report: 'A van on Friday.',
      sourceEvaluation: '1',
      intelligenceGrade: 'A',
      handling: 'C',
      handlingConditions: 'Not to be shared outside the force.',
    });
    await disseminate(ctx(), handler, s.id, rep.handling.reports[0]!.id, {
      title: 'Vehicle',
      text: 'A van on Friday.',
      handling: 'C',
      handlingConditions: 'Force only.',
      recipientIds: [s.people.controller.id],
      caveats: [],
    });
    await requestReward(ctx(), handler, s.id, { kind: 'expenses', amountPence: 1000, description: 'Fuel.' });
    const told = await recordDisclosure(ctx(), handler, s.id, {
      person: 'A sibling',
      relationship: 'sibling',
      disclosedOn: '2026-03-09',
      advice: 'Tell nobody else.',
    });
    expect(told.handling.handlerTasks.at(-1)!.trigger).toBe('disclosure');
    const report = completenessOf(told.state, told.handling);
    expect(report.particulars.filter((p) => p.state === 'missing').map((p) => p.particular)).toEqual([]);
    expect(report.particulars.find((p) => p.particular === 'c')!.state).toBe('not-applicable');
    clock.advance(8 * 86_400_000);
    const alerts = await listAlerts(ctx(), await s.as(s.people.controller));
    expect(alerts.filter((a) => a.sourceId === s.id).map((a) => a.kind)).toContain('reassessment-overdue');
    const outsider = await buildOfficer(ctx(), 'handler');
    expect((await refusal(readHandling(ctx(), await scopeFor(ctx(), outsider), s.id))).code).toBe(
      'NOT_FOUND',
    );
  });
});
