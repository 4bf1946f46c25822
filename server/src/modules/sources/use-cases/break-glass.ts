import { type BreakGlassDecisionBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { currentHolders, vaultAccess } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { decideBreakGlassRow, findBreakGlass, insertAlert, insertBreakGlass } from '../source-records.repo';
import { rolesOn } from '../sources.policy';
import { addHours, refuse } from '../sources.rules';

// Break-glass access to the vault: an officer read into the source who holds no role that opens it
// states a reason; a second officer — the source's controller or authorising officer — approves or
// refuses; approved access is time-boxed (24 hours by default), the controller is alerted, and every
// read under it is audited as such (`sources.identity.read-break-glass`).

export function requestBreakGlass(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  reason: string,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    if (vaultAccess(state, scope.actor.id, now))
      throw refuse(sourceRules.breakGlass, 'You can read the identity already: no break-glass is needed.');
    if (state.breakGlass.some((b) => b.requestedBy === scope.actor.id && b.status === 'requested'))
      throw new AppError('CONFLICT', 'Your break-glass request is waiting for a decision.');
    await insertBreakGlass(tx, {
      sourceId: id,
      requestedBy: scope.actor.id,
      requestedAt: now,
      reason,
      status: 'requested',
    });
    await recordAudit(tx, scope, {
      action: 'sources.break-glass.request',
      recordType: 'sources',
      recordId: id,
      fields: ['reason'],
    });
  });
}

export function decideBreakGlass(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  breakGlassId: string,
  input: BreakGlassDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const request = await findBreakGlass(tx, id, breakGlassId);
    if (!request) throw AppError.notFound('Break-glass request');
    if (request.status !== 'requested')
      throw refuse(sourceRules.breakGlass, 'This request has been decided.');
    if (request.requestedBy === scope.actor.id)
      throw refuse(
        sourceRules.breakGlass,
        'A second officer decides a break-glass request, never its requester.',
      );
    const held = rolesOn(state, { actor: scope.actor, now, config });
    if (!held.includes('controller') && !held.includes('authorising-officer'))
      throw refuse(
        sourceRules.breakGlass,
        "Only the source's controller or authorising officer decides a break-glass request.",
      );
    const approve = input.decision === 'approve';
    const expiresAt = approve ? addHours(now, config.breakGlassHours) : null;
    await decideBreakGlassRow(tx, request.id, {
      status: approve ? 'approved' : 'refused',
      decidedBy: scope.actor.id,
      decidedAt: now,
      reasons: input.reasons ?? null,
      expiresAt,
    });
    if (approve) {
      const requester = state.officers.get(request.requestedBy)?.displayName ?? 'an officer';
      await insertAlert(tx, {
        sourceId: id,
        kind: 'break-glass',
        subjectId: request.id,
        forUserId: currentHolders(state, 'controller', now)[0]?.userId ?? null,
        message: `Break-glass access to the true identity approved for ${requester} until ${expiresAt!.toISOString()}.`,
        at: now,
      });
    }
    await recordAudit(tx, scope, {
      action: approve ? 'sources.break-glass.approve' : 'sources.break-glass.refuse',
      recordType: 'sources',
      recordId: id,
      fields: ['breakGlassId', 'decision', ...(input.reasons ? ['reasons'] : [])],
    });
  });
}
