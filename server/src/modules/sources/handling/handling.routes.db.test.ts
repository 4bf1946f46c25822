import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  completenessView,
  dashboardView,
  handlingRules,
  handlingView,
} from '#shared/contracts/sources-handling';
import type { Database } from '#server/db/client';
import { auditEvents } from '#server/platform/audit/audit.schema';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { appPerFile, contextOf, type TestClient } from '../../../../../test/app';
import { signedIn } from '../../../../../test/signed-in';
import { buildSource } from '../sources.factory';

// The handling routes over HTTP: the whole handling life of one source by its handler, controller
// and AO, what a second handler sees (404, nothing in their lists), and the audited reads.

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t));

interface Person {
  user: UserRow;
  client: TestClient;
}
let handler: Person;
let controller: Person;
let ao: Person;
let secondHandler: Person;
let sourceId = '';
let authorisationId = '';
const TRUE_NAME = 'Ottoline Brackenbury';

const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  return JSON.parse(res.body);
};

beforeAll(async () => {
  const as = (role: Parameters<typeof signedIn>[2][number]) => signedIn(app, database.db, [role]);
  [handler, controller, ao, secondHandler] = await Promise.all([
    as('handler'),
    as('controller'),
    as('authorising-officer'),
    as('handler'),
  ]);
  const keeper = await as('record-keeper');
  const built = await buildSource(contextOf(app), {
    people: { handler: handler.user, controller: controller.user, ao: ao.user, recordKeeper: keeper.user },
    identity: { name: TRUE_NAME, addresses: ['3 Pennywort Lane, Castleford'] },
  });
  sourceId = built.id;
  authorisationId = built.authorisationId!;
});

const at = () => `/api/sources/${sourceId}`;

describe('the handling life over HTTP', () => {
  it('walks risk, tasking, contacts, intelligence, dissemination, rewards and disclosure', async () => {
    const post = (who: Person, path: string, body: unknown, status = 201) =>
      who.client.request('POST', `${at()}${path}`, body).then((r) => ok(r, status));
    await post(ao, `/authorisations/${authorisationId}/conduct`, {
      categories: ['attend-meetings', 'report-information'],
    });
    const assessed = handlingView.parse(
      await post(handler, '/risk-assessments', {
        kind: 'risk',
        security: 'Meets away from home.',
        welfare: 'No concerns.',
        conductCovered: ['attend-meetings'],
      }),
    );
    expect(assessed.abilities.confirmAssessment).toBe(false);
    const confirmed = handlingView.parse(
      await post(
        ao,
        `/risk-assessments/${assessed.riskAssessments[0]!.id}/confirmation`,
        {
          considered: true,
          explainedToSource: true,
          understoodBySource: true,
        },
        200,
      ),
    );
    expect(confirmed.riskAssessments[0]!.confirmation?.by.id).toBe(ao.user.id);
    const refused = await handler.client.request('POST', `${at()}/taskings`, {
      conduct: 'travel',
      description: 'Go abroad.',
    });
    expect(refused.statusCode).toBe(422);
    expect(JSON.parse(refused.body).error.details.rule).toBe(handlingRules.taskingConduct);
    await post(handler, '/taskings', { conduct: 'attend-meetings', description: 'Attend the meeting.' });
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const planned = handlingView.parse(
      await post(handler, '/contacts', {
        kind: 'meeting',
        at: soon,
        location: 'Bandstand in Ravenscroft Park',
        coverStory: 'Walking the dog.',
        safetyArrangements: 'Second officer nearby.',
        fallbackContact: 'Text "later".',
      }),
    );
    const contactId = planned.contacts[0]!.id;
    await post(
      handler,
      `/contacts/${contactId}/outcome`,
      { state: 'held', outcome: 'Went well.', welfareNotes: 'Fine.' },
      200,
    );
    const reported = handlingView.parse(
      await post(handler, '/intelligence', {
        contactId,
        report: 'Ottoline heard the van comes on Friday.',
        sourceEvaluation: '1',
        intelligenceGrade: 'B',
        handling: 'P',
      }),
    );
    expect(reported.reports[0]!.grading.admiralty).toBe('A2');
    const reportId = reported.reports[0]!.id;
    const product = { title: 'Van', handling: 'P', recipientIds: [controller.user.id] };
    const leak = await handler.client.request('POST', `${at()}/intelligence/${reportId}/products`, {
      ...product,
      text: 'BRACKENBURY says a van comes on Friday, near the bandstand in ravenscroft park.',
    });
    expect(leak.statusCode).toBe(422);
    expect(leak.body).toContain('a name from the identity vault');
    expect(leak.body).toContain('a meeting place');
    expect(leak.body.toLowerCase()).not.toContain('brackenbury');
    await post(handler, `/intelligence/${reportId}/products`, { ...product, text: 'A van comes on Friday.' });
    const rewarded = handlingView.parse(
      await post(handler, '/rewards', { kind: 'expenses', amountPence: 1200, description: 'Bus.' }),
    );
    const rewardId = rewarded.rewards[0]!.id;
    const self = await handler.client.request('POST', `${at()}/rewards/${rewardId}/decision`, {
      decision: 'approve',
      reasons: 'ok',
    });
    expect(JSON.parse(self.body).error.details.rule).toBe(handlingRules.fourEyes);
    await post(controller, `/rewards/${rewardId}/decision`, { decision: 'approve', reasons: 'Fine.' }, 200);
    const paid = handlingView.parse(
      await post(handler, `/rewards/${rewardId}/payment`, { receiptReference: 'R-1' }, 200),
    );
    expect(paid.rewardTotals.paidPence).toBe(1200);
    await post(handler, '/disclosures', {
      person: 'A friend',
      relationship: 'friend',
      disclosedOn: '2020-01-01',
      advice: 'Say nothing.',
    });
  });

  it('shows the complete record, the timeline, the calendar and the dashboard', async () => {
    const record = completenessView.parse(ok(await handler.client.request('GET', `${at()}/completeness`)));
    expect(record.particulars.filter((p) => p.state === 'missing')).toEqual([]);
    const timeline = ok(await handler.client.request('GET', `${at()}/timeline`));
    const times = timeline.items.map((i: { at: string }) => i.at);
    expect(times).toEqual([...times].sort());
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toContain('dissemination');
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const calendar = ok(await handler.client.request('GET', `/api/sources/calendar?from=${from}&to=${to}`));
    expect(calendar.items.map((i: { sourceId: string }) => i.sourceId)).toContain(sourceId);
    const dashboard = dashboardView.parse(
      ok(await controller.client.request('GET', '/api/sources/dashboard')),
    );
    expect(dashboard.asController.map((s) => s.id)).toContain(sourceId);
    expect(dashboard.tasksDue.some((t) => t.trigger === 'disclosure')).toBe(true);
    const products = ok(await controller.client.request('GET', '/api/sources/products'));
    expect(products.items.map((p: { text: string }) => p.text)).toEqual(['A van comes on Friday.']);
    expect(JSON.stringify(products)).not.toContain(sourceId);
  });

  it('answers a second handler 404 and shows them nothing; audits the reads', async () => {
    const hidden = await secondHandler.client.request('GET', `${at()}/handling`);
    expect(hidden.statusCode).toBe(404);
    const dashboard = dashboardView.parse(
      ok(await secondHandler.client.request('GET', '/api/sources/dashboard')),
    );
    expect(JSON.stringify(dashboard)).not.toContain(sourceId);
    const products = ok(await secondHandler.client.request('GET', '/api/sources/products'));
    expect(products.items).toEqual([]);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sources.handling.read'), eq(auditEvents.recordId, sourceId)));
    expect(reads.length).toBeGreaterThan(0);
    const events = JSON.stringify(
      await database.db.select().from(auditEvents).where(eq(auditEvents.recordId, sourceId)),
      (_k, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    expect(events.toLowerCase()).not.toContain('brackenbury');
  });
});
