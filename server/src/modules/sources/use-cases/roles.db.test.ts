import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sourceRules } from '#shared/contracts/sources';
import { compartmentIdsOf } from '#server/platform/access/access.repo';
import { addMemberships } from '#server/platform/access/access.factory';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { refusal } from '../sources.test-support';
import { readIdentity } from './identity';
import { readOutEndedRoles } from './read-out-ended-roles';
import { listOfficerCandidates } from './officers';
import { assignRole, endRole, handOver } from './roles';
import { setUserRoles } from '#server/platform/auth/users.repo';

// Roles with periods (s.29(5), reg. 3(h)(i)) and the compartment membership they carry (ADR 0023).

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
appPerFile((t) => ({ app } = t), clock);
const ctx = () => contextOf(app);
const readInto = async (userId: string, compartmentId: string) =>
  (await compartmentIdsOf(ctx().database.db, userId)).has(compartmentId);

describe('roles and need-to-know', () => {
  it('reads a role holder in when the role starts and out when its period is ended', async () => {
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { compartmentId } = built.result.state.source;
    for (const user of Object.values(built.people)) expect(await readInto(user.id, compartmentId)).toBe(true);
    const keeperRole = built.result.state.roles.find((r) => r.role === 'record-keeper')!;
    const ended = await endRole(
      ctx(),
      await scopeFor(ctx(), built.people.handler),
      built.id,
      keeperRole.id,
      'Moved on.',
    );
    expect(await readInto(built.people.recordKeeper.id, compartmentId)).toBe(false);
    expect(ended.state.roles.find((r) => r.id === keeperRole.id)).toMatchObject({ endReason: 'Moved on.' });
    expect(ended.state.roles.find((r) => r.id === keeperRole.id)!.toAt).toEqual(clock.now());
  });

  it('leaves a membership an administrator granted when the role ends', async () => {
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { compartmentId } = built.result.state.source;
    const keeper = await buildOfficer(ctx(), 'record-keeper');
    await addMemberships(ctx().database.db, keeper.id, [compartmentId]);
    const given = await assignRole(ctx(), await scopeFor(ctx(), built.people.handler), built.id, {
      role: 'record-keeper',
      userId: keeper.id,
    });
    const role = given.state.roles.find((r) => r.userId === keeper.id)!;
    expect(role.readIn).toBe(false);
    await endRole(ctx(), await scopeFor(ctx(), built.people.handler), built.id, role.id, 'Done.');
    expect(await readInto(keeper.id, compartmentId)).toBe(true);
  });

  it('records a hand-over: the outgoing period ends as the new one starts, naming it; the vault follows the role', async () => {
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { compartmentId } = built.result.state.source;
    const next = await buildOfficer(ctx(), 'handler');
    const result = await handOver(ctx(), await scopeFor(ctx(), built.people.controller), built.id, {
      fromUserId: built.people.handler.id,
      toUserId: next.id,
      notes: 'Posted to another unit.',
    });
    const handlers = result.state.roles.filter((r) => r.role === 'handler');
    expect(handlers).toHaveLength(2);
    const outgoing = handlers.find((r) => r.userId === built.people.handler.id);
    const incoming = handlers.find((r) => r.userId === next.id);
    expect(outgoing!.toAt).toEqual(clock.now());
    expect(incoming).toMatchObject({ userId: next.id, handedOverFromId: outgoing!.id, toAt: null });
    expect(await readInto(built.people.handler.id, compartmentId)).toBe(false);
    expect((await readIdentity(ctx(), await scopeFor(ctx(), next), built.id)).access).toBe('role');
  });

  it('refuses a role to an officer without the job, or not cleared for the source’s markings', async () => {
    const built = await buildSource(ctx(), { stage: 'prospect', classification: 'TOP SECRET' });
    const as = async () => scopeFor(ctx(), built.people.handler);
    const analyst = await buildOfficer(ctx(), 'analyst');
    expect(
      await refusal(assignRole(ctx(), await as(), built.id, { role: 'handler', userId: analyst.id })),
    ).toMatchObject({
      rule: sourceRules.roleOnSource,
    });
    const low = await buildOfficer(ctx(), 'handler', { clearance: 'SECRET' });
    expect(
      await refusal(assignRole(ctx(), await as(), built.id, { role: 'handler', userId: low.id })),
    ).toMatchObject({
      rule: sourceRules.clearance,
      fields: [{ path: 'body.userId', message: "is not cleared for the source's markings" }],
    });
  });

  it('ends a period set to end ahead by its own date: the vault closes then, the sweep reads the holder out', async () => {
    clock.set(new Date('2026-03-10T09:30:00Z'));
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { compartmentId } = built.result.state.source;
    const relief = await buildOfficer(ctx(), 'handler');
    await assignRole(ctx(), await scopeFor(ctx(), built.people.handler), built.id, {
      role: 'handler',
      userId: relief.id,
      to: '2026-03-12T09:30:00Z',
    });
    expect((await readIdentity(ctx(), await scopeFor(ctx(), relief), built.id)).access).toBe('role');
    clock.set(new Date('2026-03-12T09:30:00Z'));
    expect(await refusal(readIdentity(ctx(), await scopeFor(ctx(), relief), built.id))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await readInto(relief.id, compartmentId)).toBe(true);
    await readOutEndedRoles(ctx(), clock);
    expect(await readInto(relief.id, compartmentId)).toBe(false);
  });

  it('offers each officer only the roles they may take on the source (mayHold, by the rules)', async () => {
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const { handler, controller, ao } = built.people;
    const dual = await buildOfficer(ctx(), 'handler');
    await setUserRoles(ctx().database.db, dual.id, ['handler', 'controller'], clock.now());
    const fresh = await buildOfficer(ctx(), 'authorising-officer');
    const { items } = await listOfficerCandidates(ctx(), await scopeFor(ctx(), handler), built.id);
    const mayHold = (id: string) => items.find((o) => o.id === id)?.mayHold;
    // Already holding their one role, they may take no other.
    expect(mayHold(handler.id)).toEqual([]);
    expect(mayHold(controller.id)).toEqual([]);
    expect(mayHold(ao.id)).toEqual([]);
    expect(mayHold(dual.id)).toEqual(['handler', 'controller']);
    expect(mayHold(fresh.id)).toEqual(['authorising-officer']);
    await assignRole(ctx(), await scopeFor(ctx(), handler), built.id, { role: 'handler', userId: dual.id });
    const after = await listOfficerCandidates(ctx(), await scopeFor(ctx(), handler), built.id);
    // Now a handler, the dual officer may not also be the controller (three different people).
    expect(after.items.find((o) => o.id === dual.id)?.mayHold).toEqual([]);
  });
});
