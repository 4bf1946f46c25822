import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sourceRules } from '#shared/contracts/sources';
import { auditEvents } from '#server/platform/audit/audit.schema';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { computedAlerts } from '../source-facts';
import { buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { refusal } from '../sources.test-support';
import { decideApproach, requestApproach } from './approach-and-recruitment';
import { listQueue } from './queue';
import { assignRole } from './roles';
import { writeUpUrgentGrant } from './write-up';

// LAW.md §1: an approach is requested by the prospect's handler and decided by an AO of no case
// role; an urgent oral grant is written up by its AO, with a clock until it is. Injected clock.

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
appPerFile((t) => ({ app } = t), clock);
const start = () => clock.set(new Date('2026-03-10T09:30:00Z'));
const ctx = () => contextOf(app);
const ask = { rationale: 'Well placed.', risk: 'Low.', bonaFides: 'A phrase agreed in advance.' };

async function auditActions(sourceId: string, prefix: string) {
  const rows = await ctx()
    .database.db.select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, sourceId)));
  return rows.map((r) => r.action).filter((a) => a.startsWith(prefix));
}

describe('approaching a prospect: requested, then decided', () => {
  it('goes to the AO’s queue with its age; refused it stays a prospect; a new request is approved', async () => {
    start();
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { handler, ao, recordKeeper } = built.people;
    const as = (u: typeof handler) => scopeFor(ctx(), u);
    // Only a handler or controller of the prospect asks.
    expect(await refusal(requestApproach(ctx(), await as(recordKeeper), built.id, ask))).toMatchObject({
      rule: sourceRules.roleOnSource,
    });
    const first = await requestApproach(ctx(), await as(handler), built.id, ask);
    const request = first.state.approachRequests[0]!;
    expect(request).toMatchObject({ status: 'requested', approachingOfficerId: handler.id });
    expect(first.state.source.status).toBe('prospect');
    expect(await refusal(requestApproach(ctx(), await as(handler), built.id, ask))).toMatchObject({
      rule: sourceRules.approach,
    });
    clock.set(new Date('2026-03-11T09:30:00Z'));
    const queued = (await listQueue(ctx(), await as(ao))).find((i) => i.id === request.id);
    expect(queued).toMatchObject({
      kind: 'approach',
      sourceId: built.id,
      submittedAt: '2026-03-10T09:30:00.000Z',
      authorisationId: null,
      mayDecide: true,
    });
    // The handler may not decide their own request (a case role; the route also refuses them, 403).
    expect(
      await refusal(
        decideApproach(ctx(), await as(handler), built.id, request.id, { decision: 'approve', reasons: 'r' }),
      ),
    ).toMatchObject({ rule: sourceRules.ownCase });
    const refused = await decideApproach(ctx(), await as(ao), built.id, request.id, {
      decision: 'refuse',
      reasons: 'The risk is not yet understood.',
    });
    expect(refused.state.source.status).toBe('prospect');
    expect(refused.state.approach).toBeUndefined();
    expect(refused.state.approachRequests[0]).toMatchObject({ status: 'refused', decidedBy: ao.id });
    expect(
      await refusal(
        decideApproach(ctx(), await as(ao), built.id, request.id, { decision: 'approve', reasons: 'r' }),
      ),
    ).toMatchObject({ rule: sourceRules.approach });
    const second = await requestApproach(ctx(), await as(handler), built.id, {
      ...ask,
      risk: 'Understood now.',
    });
    const again = second.state.approachRequests.find((r) => r.status === 'requested')!;
    const approved = await decideApproach(ctx(), await as(ao), built.id, again.id, {
      decision: 'approve',
      reasons: 'Justified; the risk is managed.',
    });
    expect(approved.state.source.status).toBe('approach-approved');
    expect(approved.state.approach).toMatchObject({ approvedBy: ao.id, risk: 'Understood now.' });
    expect(await auditActions(built.id, 'sources.approach.')).toEqual([
      'sources.approach.request',
      'sources.approach.refuse',
      'sources.approach.request',
      'sources.approach.approve',
    ]);
  });

  it('refuses the decision to an AO who holds a case role on the prospect', async () => {
    start();
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const dual = await buildOfficer(ctx(), 'authorising-officer');
    const { handler } = built.people;
    // An officer with both job roles, read in as the record keeper: a case role.
    const { setUserRoles } = await import('#server/platform/auth/users.repo');
    await setUserRoles(ctx().database.db, dual.id, ['record-keeper', 'authorising-officer'], clock.now());
    await assignRole(ctx(), await scopeFor(ctx(), handler), built.id, {
      role: 'record-keeper',
      userId: dual.id,
    });
    const made = await requestApproach(ctx(), await scopeFor(ctx(), handler), built.id, ask);
    const id = made.state.approachRequests[0]!.id;
    expect(
      await refusal(
        decideApproach(ctx(), await scopeFor(ctx(), dual), built.id, id, {
          decision: 'approve',
          reasons: 'r',
        }),
      ),
    ).toMatchObject({ rule: sourceRules.ownCase });
  });
});

describe('an urgent oral grant is written up', () => {
  it('carries a write-up clock and alert until its AO records the written record', async () => {
    start();
    const built = await buildSource(ctx(), { application: { urgency: 'urgent', urgencyReason: 'Tonight.' } });
    const { ao, handler } = built.people;
    const id = built.authorisationId!;
    const granted = built.result.state.authorisations[0]!;
    const alertsAt = (at: string) => computedAlerts(built.result.state, new Date(at), ctx().config.sources);
    const due = alertsAt('2026-03-10T10:00:00Z').find((a) => a.kind === 'write-up-due')!;
    expect(due).toMatchObject({ subjectId: id });
    expect(due.at.toISOString()).toBe('2026-03-13T09:30:00.000Z');
    expect(granted.writtenUpAt).toBeNull();
    const other = await buildOfficer(ctx(), 'authorising-officer');
    // Another AO (not read in) cannot even see it; the handler may not write it up.
    expect(
      await refusal(writeUpUrgentGrant(ctx(), await scopeFor(ctx(), other), built.id, id, { record: 'w' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await refusal(writeUpUrgentGrant(ctx(), await scopeFor(ctx(), handler), built.id, id, { record: 'w' })),
    ).toMatchObject({ rule: sourceRules.writeUp });
    clock.set(new Date('2026-03-12T09:00:00Z'));
    const written = await writeUpUrgentGrant(ctx(), await scopeFor(ctx(), ao), built.id, id, {
      record: 'Granted orally at 09:30 on 10 March for the meeting that evening.',
    });
    const row = written.state.authorisations[0]!;
    expect(row).toMatchObject({ writtenUpBy: ao.id, writeUp: expect.stringContaining('orally') });
    expect(row.writtenUpAt!.toISOString()).toBe('2026-03-12T09:00:00.000Z');
    expect(computedAlerts(written.state, clock.now(), ctx().config.sources).map((a) => a.kind)).not.toContain(
      'write-up-due',
    );
    expect(
      await refusal(writeUpUrgentGrant(ctx(), await scopeFor(ctx(), ao), built.id, id, { record: 'again' })),
    ).toMatchObject({ rule: sourceRules.writeUp });
    expect(await auditActions(built.id, 'sources.authorisation.write-up')).toHaveLength(1);
  });

  it('refuses to write up a routine grant', async () => {
    start();
    const built = await buildSource(ctx());
    expect(
      await refusal(
        writeUpUrgentGrant(ctx(), await scopeFor(ctx(), built.people.ao), built.id, built.authorisationId!, {
          record: 'w',
        }),
      ),
    ).toMatchObject({ rule: sourceRules.writeUp });
  });
});
