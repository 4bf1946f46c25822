import type { DemoStory } from './sources.demo';
import { applyForRenewal } from './use-cases/renewals';
import { submitReview } from './use-cases/reviews';
import { applyForCca, decideCca, recordCcaNotice } from './use-cases/ccas';
import { cancelSource, closeSource, suspendSource } from './use-cases/change-status';
import { decideBreakGlass, requestBreakGlass } from './use-cases/break-glass';
import { endRole } from './use-cases/roles';
import { requestApproach } from './use-cases/approach-and-recruitment';
import { addAuthority } from './use-cases/record-details';

// The demo's sources: every state and every alert of issue 20 (a 15-year-old with an appropriate
// adult, a vulnerable source, an undercover officer at 11.5 months on one operation, a CCA whose
// notice is due, reviews overdue, authorisations expiring, cancelled and closed sources). Each
// grant happens 4 days after `daysAgo` (approach, recruitment, application and grant a day apart).

const DAY = 86_400_000;
const reasons = 'The tests of necessity and proportionality are no longer met.';
const review = {
  useMade: 'Tasked at fortnightly meetings; used as planned.',
  tasks: 'Report on the movements of the group and its supply routes.',
  information: 'Six intelligence reports graded B2 or better.',
};

/** A date of birth `years` years and `days` days before `now` (UTC). */
function bornAgo(now: number, years: number, days: number): string {
  const at = new Date(now - days * DAY);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at.toISOString().slice(0, 10);
}

export function demoStories(now: number): DemoStory[] {
  const stage = (s: NonNullable<DemoStory['overrides']['stage']>) => ({ stage: s });
  return [
    { daysAgo: 3, team: 'a', overrides: { pseudonym: 'BLUE HERON', ...stage('prospect') } },
    {
      daysAgo: 10,
      team: 'b',
      overrides: { pseudonym: 'COPPER KITE', ...stage('prospect') },
      // Its handler asks to approach it: the request waits in the AO's queue.
      after: async (k) =>
        void (await requestApproach(k.ctx, await k.at(k.people.handler, 2), k.built.id, {
          rationale: 'Drives for the haulage firm the network uses; has spoken to police before.',
          risk: 'Low: approached alone, away from the depot, by an officer unknown to the group.',
          bonaFides: 'The prospect may call the station switchboard and ask for the officer by name.',
        })),
    },
    { daysAgo: 5, team: 'c', overrides: { pseudonym: 'DUSK OWL', ...stage('prospect'), identity: false } },
    { daysAgo: 12, team: 'a', overrides: { pseudonym: 'AMBER FOX', ...stage('approach-approved') } },
    { daysAgo: 8, team: 'b', overrides: { pseudonym: 'GREY WREN', ...stage('approach-approved') } },
    { daysAgo: 20, team: 'a', overrides: { pseudonym: 'IRON STAG', ...stage('recruited') } },
    { daysAgo: 15, team: 'c', overrides: { pseudonym: 'JADE MOTH', ...stage('recruited') } },
    { daysAgo: 9, team: 'a', overrides: { pseudonym: 'KESTREL', ...stage('applied') } },
    {
      daysAgo: 4,
      team: 'b',
      overrides: {
        pseudonym: 'LINDEN',
        ...stage('applied'),
        application: {
          urgency: 'urgent',
          urgencyReason: 'A meeting with the group is set for tomorrow night.',
        },
      },
    },
    { daysAgo: 94, team: 'a', overrides: { pseudonym: 'MARSH HARE', reviewEveryDays: 120 } },
    { daysAgo: 64, team: 'b', overrides: { pseudonym: 'NIGHTJAR', reviewEveryDays: 90 } },
    { daysAgo: 44, team: 'c', overrides: { pseudonym: 'OSPREY', reviewEveryDays: 60 } },
    { daysAgo: 204, team: 'a', overrides: { pseudonym: 'PIKE', reviewEveryDays: 365 } },
    { daysAgo: 349, team: 'b', overrides: { pseudonym: 'QUARRY', reviewEveryDays: 365 } },
    {
      daysAgo: 359,
      team: 'a',
      overrides: { pseudonym: 'RAVEN', reviewEveryDays: 365 },
      // A renewal waits with no review since the grant: the AO's grant of it is refused (s.43(6)).
      after: async (k) =>
        void (await applyForRenewal(
          k.ctx,
          await k.at(k.people.handler, 2),
          k.built.id,
          k.built.authorisationId!,
          {
            justification: 'The group remains active; the source is well placed.',
          },
        )),
    },
    {
      daysAgo: 344,
      team: 'c',
      overrides: { pseudonym: 'SABLE', reviewEveryDays: 365 },
      after: async (k) => {
        await submitReview(
          k.ctx,
          await k.at(k.people.handler, 3),
          k.built.id,
          k.built.authorisationId!,
          review,
        );
        await applyForRenewal(k.ctx, await k.at(k.people.handler, 2), k.built.id, k.built.authorisationId!, {
          justification: 'Reporting continues to be of value; reviewed on day 341.',
        });
      },
    },
    { daysAgo: 74, team: 'a', overrides: { pseudonym: 'TEAL', reviewEveryDays: 30 } },
    {
      daysAgo: 104,
      team: 'b',
      overrides: { pseudonym: 'UMBER', reviewEveryDays: 28 },
      after: async (k) =>
        void (await submitReview(
          k.ctx,
          await k.at(k.people.handler, 1),
          k.built.id,
          k.built.authorisationId!,
          review,
        )),
    },
    {
      daysAgo: 34,
      team: 'a',
      overrides: {
        pseudonym: 'VESPER',
        identity: { dateOfBirth: bornAgo(now, 15, 100), appropriateAdult: 'A. Example (aunt)' },
        application: { purpose: 'To report on the grooming of children by the group.' },
      },
    },
    {
      daysAgo: 54,
      team: 'b',
      overrides: { pseudonym: 'WILLOW', identity: { dateOfBirth: bornAgo(now, 18, -20) } },
    },
    { daysAgo: 24, team: 'senior-c', overrides: { pseudonym: 'XENON', vulnerable: true } },
    {
      daysAgo: 354,
      team: 'a',
      overrides: {
        pseudonym: 'YARROW',
        type: 'undercover-officer',
        reviewEveryDays: 365,
        application: { operation: 'OPERATION NORTHGATE' },
      },
      after: async (k) => {
        const handler = await k.at(k.people.handler, 300);
        await addAuthority(k.ctx, handler, k.built.id, {
          authority: 'National Crime Agency',
          reference: 'NCA/UC/0417',
        });
      },
    },
    {
      daysAgo: 34,
      team: 'b',
      overrides: {
        pseudonym: 'ZEPHYR',
        type: 'undercover-officer',
        application: { operation: 'OPERATION ELM' },
      },
    },
    ...ccaStories(),
    ...endedStories(),
  ];
}

function ccaStories(): DemoStory[] {
  const cca = {
    conduct: 'Supply of a small quantity of cannabis to members of the group, as they expect of him.',
    grounds: 'crime-or-disorder' as const,
    necessity: 'Refusing would expose the source as not what he seems.',
    proportionality: 'Limited to what the group already expects; no harm to others foreseen.',
    noForeseeableHarm: false,
  };
  const withCca =
    (grantedDaysAgo: number, noticeGiven: boolean) =>
    async (k: Parameters<NonNullable<DemoStory['after']>>[0]) => {
      let result = await applyForCca(
        k.ctx,
        await k.at(k.people.handler, grantedDaysAgo + 1),
        k.built.id,
        cca,
      );
      const ccaId = result.state.ccas[0]!.id;
      result = await decideCca(k.ctx, await k.at(k.people.ao, grantedDaysAgo), k.built.id, ccaId, {
        decision: 'grant',
        reasons: 'Necessary to maintain cover; proportionate.',
      });
      if (noticeGiven)
        await recordCcaNotice(k.ctx, await k.at(k.people.ao, grantedDaysAgo - 2), k.built.id, ccaId, {
          reference: 'IPC/CCA/2291',
        });
    };
  return [
    { daysAgo: 64, team: 'a', overrides: { pseudonym: 'ALDER' }, after: withCca(5, false) },
    { daysAgo: 84, team: 'b', overrides: { pseudonym: 'BRACKEN' }, after: withCca(10, false) },
    { daysAgo: 124, team: 'a', overrides: { pseudonym: 'CEDAR' }, after: withCca(40, true) },
  ];
}

function endedStories(): DemoStory[] {
  return [
    {
      daysAgo: 84,
      team: 'c',
      overrides: { pseudonym: 'DUNLIN' },
      after: async (k) =>
        void (await suspendSource(
          k.ctx,
          await k.at(k.people.controller, 10),
          k.built.id,
          'Source reported being followed; welfare first.',
        )),
    },
    {
      daysAgo: 204,
      team: 'b',
      overrides: { pseudonym: 'EGRET' },
      after: async (k) => void (await cancelSource(k.ctx, await k.at(k.people.ao, 30), k.built.id, reasons)),
    },
    {
      daysAgo: 64,
      team: 'c',
      overrides: { pseudonym: 'FALCON' },
      after: async (k) =>
        void (await cancelSource(k.ctx, await k.at(k.people.ao, 3), k.built.id, 'The operation has ended.')),
    },
    {
      daysAgo: 404,
      team: 'a',
      overrides: { pseudonym: 'GANNET' },
      after: async (k) => {
        await cancelSource(k.ctx, await k.at(k.people.ao, 100), k.built.id, reasons);
        await closeSource(
          k.ctx,
          await k.at(k.people.controller, 20),
          k.built.id,
          'Relationship ended; record kept.',
        );
      },
    },
    {
      daysAgo: 40,
      team: 'b',
      overrides: { pseudonym: 'HALCYON', stage: 'prospect' },
      after: async (k) =>
        void (await closeSource(
          k.ctx,
          await k.at(k.people.controller, 30),
          k.built.id,
          'Not approached: unsuitable.',
        )),
    },
    {
      daysAgo: 54,
      team: 'a',
      overrides: { pseudonym: 'IBIS' },
      after: async (k) => {
        const controllerRole = k.built.result.state.roles.find((r) => r.role === 'controller')!;
        await endRole(
          k.ctx,
          await k.at(k.people.handler, 5),
          k.built.id,
          controllerRole.id,
          'Controller posted elsewhere.',
        );
      },
    },
    { daysAgo: 384, team: 'b', overrides: { pseudonym: 'JUNCO' } },
    {
      daysAgo: 34,
      team: 'c',
      overrides: { pseudonym: 'KITE' },
      after: async (k) => {
        const requester = await k.at(k.people.recordKeeper, 0.2);
        const asked = await requestBreakGlass(
          k.ctx,
          requester,
          k.built.id,
          'The handler is unreachable and the source has called for help.',
        );
        await decideBreakGlass(
          k.ctx,
          await k.at(k.people.controller, 0.1),
          k.built.id,
          asked.state.breakGlass[0]!.id,
          {
            decision: 'approve',
            reasons: 'Welfare emergency; the handler cannot be reached.',
          },
        );
      },
    },
    {
      daysAgo: 5,
      team: 'a',
      overrides: {
        pseudonym: 'LARK',
        application: {
          urgency: 'urgent',
          urgencyReason: 'Threat to life reported by the source; decision needed tonight.',
        },
      },
    },
  ];
}
