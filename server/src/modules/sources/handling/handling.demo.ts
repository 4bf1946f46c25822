import type { ContactInput } from '#shared/contracts/sources-handling';
import { contactBody, riskAssessmentBody } from '#shared/contracts/sources-handling';
import type { AppContext } from '../../../app-context';
import { insertMeta, readMeta } from '../../../db/meta.repo';
import type { UserRow } from '../../../platform/auth/auth.schema';
import { findUserById, findUserByUsername } from '../../../platform/auth/users.repo';
import { fixedClock } from '../../../platform/clock';
import { currentHolders } from '../source-facts';
import { loadFacts } from '../source-state';
import { scopeFor } from '../sources.factory';
import { findAnySourceByPseudonym } from '../sources.repo';
import { recordContact, recordContactOutcome } from './use-cases/contacts';
import { recordDisclosure } from './use-cases/disclosures';
import { disseminate, recordIntelligence } from './use-cases/intelligence';
import { decideReward, payReward, requestReward } from './use-cases/rewards';
import { confirmAssessment, recordConductSchedule, recordRiskAssessment } from './use-cases/risk';
import { giveTask } from './use-cases/tasking';

// The handling life in the demo (issue 21, item 9): on top of Sources I's demo sources, meetings
// (this week's among them), tasks, graded reports and sanitised products, payments (one waiting for
// approval), disclosures and risk assessments, each told through the use cases with the clock set
// back to when it happened. Made once: the marker in app_meta says it was.

const DAY = 86_400_000;
const seededKey = 'sources_handling_demo_seeded_at';

interface People {
  id: string;
  authorisationId: string | null;
  handler: UserRow;
  controller: UserRow;
  ao: UserRow;
}

async function peopleOf(ctx: AppContext, pseudonym: string): Promise<People | null> {
  const { db } = ctx.database;
  const source = await findAnySourceByPseudonym(db, pseudonym);
  if (!source) return null;
  const facts = (await loadFacts(ctx, db, [source], { identities: false })).get(source.id)!;
  const now = ctx.clock.now();
  const holder = async (role: 'handler' | 'controller' | 'authorising-officer') => {
    const row = currentHolders(facts, role, now)[0];
    return row ? findUserById(db, row.userId) : undefined;
  };
  const [handler, controller, ao] = await Promise.all([
    holder('handler'),
    holder('controller'),
    holder('authorising-officer'),
  ]);
  if (!handler || !controller || !ao) return null;
  const granted = facts.authorisations.filter((a) => a.status === 'granted').at(-1);
  return { id: source.id, authorisationId: granted?.id ?? null, handler, controller, ao };
}

const risk = (kind: 'risk' | 'enhanced-risk') =>
  riskAssessmentBody.parse({
    kind,
    security: 'Meets away from the home area; no sign the group suspects the relationship.',
    welfare: 'Copes well; works shifts, so meetings are planned around them.',
    ...(kind === 'enhanced-risk'
      ? {
          physicalWelfare: 'No physical risk identified at meetings; never tasked near the group.',
          psychologicalWelfare: 'Talks openly with the appropriate adult present; no signs of strain.',
        }
      : {}),
    conductCovered: ['maintain-relationship', 'attend-meetings', 'report-information'],
  });

const meeting = (at: Date, place: string): ContactInput => ({
  kind: 'meeting',
  at: at.toISOString(),
  location: place,
  coverStory: 'Meeting an old work colleague for a coffee.',
  safetyArrangements: 'A second officer nearby in a vehicle; the source leaves first.',
  fallbackContact: 'A text to the agreed number saying "running late" means: call at 20:00.',
});

/** The handling life of one authorised demo source, told from `daysAgo` days before now. */
async function tellStory(
  ctx: AppContext,
  p: People,
  now: number,
  options: { juvenile?: string; pendingPayment?: boolean },
) {
  const at = (user: UserRow, daysAgo: number) =>
    scopeFor(ctx, user, fixedClock(new Date(now - daysAgo * DAY)));
  if (!p.authorisationId) return;
  await recordConductSchedule(ctx, await at(p.ao, 20), p.id, p.authorisationId, {
    categories: ['maintain-relationship', 'attend-meetings', 'report-information', 'travel'],
  });
  const assessed = await recordRiskAssessment(
    ctx,
    await at(p.handler, 19),
    p.id,
    risk(options.juvenile ? 'enhanced-risk' : 'risk'),
  );
  await confirmAssessment(ctx, await at(p.ao, 18), p.id, assessed.handling.riskAssessments.at(-1)!.id, {
    considered: true,
    explainedToSource: true,
    understoodBySource: true,
  });
  const handler = (daysAgo: number) => at(p.handler, daysAgo);
  const adult = options.juvenile ? { appropriateAdult: options.juvenile } : {};
  await giveTask(ctx, await handler(17), p.id, {
    conduct: 'attend-meetings',
    description: 'Go to the Thursday gathering at the club and note who attends.',
  });
  const held = await recordContact(
    ctx,
    await handler(14),
    p.id,
    contactBody.parse({
      ...meeting(new Date(now - 14 * DAY), 'Café by the bus station'),
      state: 'held',
      ...adult,
    }),
  );
  const contactId = held.handling.contacts.at(-1)!.id;
  const reported = await recordIntelligence(ctx, await handler(14), p.id, {
    contactId,
    report:
      'Three men unloaded boxes from a white van behind the club on Thursday night; the driver was called "Tel".',
    sourceEvaluation: '2',
    intelligenceGrade: 'B',
    handling: 'P',
  });
  await disseminate(ctx, await handler(13), p.id, reported.handling.reports.at(-1)!.id, {
    title: 'Deliveries behind a social club',
    text: 'A white van was unloaded behind a social club late on a Thursday; one man was called "Tel".',
    handling: 'P',
    caveats: [...held.state.source.caveats],
    recipientIds: [p.controller.id],
  });
  const missed = await recordContact(
    ctx,
    await handler(8),
    p.id,
    contactBody.parse({ ...meeting(new Date(now - 7 * DAY), 'Supermarket car park, far corner'), ...adult }),
  );
  await recordContactOutcome(ctx, await handler(7), p.id, missed.handling.contacts.at(-1)!.id, {
    state: 'missed',
    outcome: 'The source did not arrive; reached by the fall-back the next day.',
  });
  // This week's meeting, for the handler's calendar.
  await recordContact(
    ctx,
    await handler(1),
    p.id,
    contactBody.parse({ ...meeting(new Date(now + 2 * DAY), 'Garden centre café'), ...adult }),
  );
  if (options.juvenile) return;
  const expenses = await requestReward(ctx, await handler(13), p.id, {
    kind: 'expenses',
    amountPence: 1850,
    description: 'Bus fares and a meal.',
  });
  const rewardId = expenses.handling.rewards.at(-1)!.id;
  await decideReward(ctx, await at(p.controller, 12), p.id, rewardId, {
    decision: 'approve',
    reasons: 'Receipts seen; reasonable.',
  });
  await payReward(ctx, await handler(11), p.id, rewardId, { receiptReference: 'RC-0193' });
  if (options.pendingPayment)
    await requestReward(ctx, await handler(2), p.id, {
      kind: 'payment',
      amountPence: 30000,
      description: 'Reward for the report on the deliveries.',
    });
  await recordDisclosure(ctx, await handler(5), p.id, {
    person: 'Their partner',
    relationship: 'partner',
    disclosedOn: new Date(now - 6 * DAY).toISOString().slice(0, 10),
    advice: 'Agreed the partner tells nobody; the source will not discuss meetings at home.',
  });
}

/** Runs after the sources demo (the same handlers, controllers and AOs). */
export async function buildHandlingDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  if ((await readMeta(db, seededKey)) !== undefined) return;
  if (!(await findUserByUsername(db, 'handler'))) return;
  const now = ctx.clock.now().getTime();
  const stories: [string, { juvenile?: string; pendingPayment?: boolean }][] = [
    ['TEAL', { pendingPayment: true }],
    ['NIGHTJAR', {}],
    ['OSPREY', {}],
    ['VESPER', { juvenile: 'A. Example (aunt)' }],
  ];
  for (const [pseudonym, options] of stories) {
    const people = await peopleOf(ctx, pseudonym);
    if (people) await tellStory(ctx, people, now, options);
  }
  const at = ctx.clock.now();
  await insertMeta(db, seededKey, at.toISOString(), at);
}
