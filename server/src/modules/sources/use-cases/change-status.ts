import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import { updateAuthorisation, updateCca, insertCcaNotice } from '../authorisations.repo';
import { authorisationInForce, ccaState } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { holdsCaseRole } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { ccaNoticeDue, refuse } from '../sources.rules';
import { requireController, requireStatus } from './guards';

// The status machine's transitions after authorisation: suspend and resume (the controller's
// general oversight), cancel (RIPA s.45, an authorising officer), close (the controller).

/** authorised → suspended: the source is not to be used until resumed; the authorisation runs on. */
export function suspendSource(ctx: AppContext, scope: UserScope, id: string, reason: string) {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireController(state, { actor: scope.actor, now, config: ctx.config.sources }, 'suspend it');
    requireStatus(state, ['authorised'], 'be suspended');
    await updateSource(tx, id, {
      status: 'suspended',
      statusChangedAt: now,
      statusReason: reason,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.suspend',
      recordType: 'sources',
      recordId: id,
      fields: ['reason'],
    });
  });
}

/** suspended → authorised, only while an authorisation is in force. */
export function resumeSource(ctx: AppContext, scope: UserScope, id: string, reason: string) {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireController(state, { actor: scope.actor, now, config: ctx.config.sources }, 'resume it');
    requireStatus(state, ['suspended'], 'be resumed');
    if (!authorisationInForce(state, now))
      throw refuse(sourceRules.duration, 'No authorisation is in force: the source cannot be used.');
    await updateSource(tx, id, {
      status: 'authorised',
      statusChangedAt: now,
      statusReason: reason,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.resume',
      recordType: 'sources',
      recordId: id,
      fields: ['reason'],
    });
  });
}

/**
 * RIPA s.45: cancels the authorisation in force (with the reason and the date) and every criminal
 * conduct authorisation under it (each starting its 7-day notice clock); authorised or suspended →
 * cancelled. By an authorising officer who holds no case role. After it nobody may task the source,
 * and a contact is flagged (raiseContactAlert).
 */
export function cancelSource(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  reason: string,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    requireStatus(state, ['authorised', 'suspended'], 'be cancelled');
    if (holdsCaseRole(state, { actor: scope.actor, now, config }))
      throw refuse(
        sourceRules.ownCase,
        'You hold a role on this source: another authorising officer must cancel.',
      );
    const current = authorisationInForce(state, now);
    if (current)
      await updateAuthorisation(tx, current.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: scope.actor.id,
        cancellationReason: reason,
      });
    for (const cca of state.ccas.filter((c) => ccaState(c, state, now) === 'granted')) {
      await updateCca(tx, cca.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: scope.actor.id,
        cancellationReason: reason,
      });
      await insertCcaNotice(tx, {
        sourceId: id,
        ccaId: cca.id,
        event: 'cancellation',
        eventAt: now,
        dueAt: ccaNoticeDue(now, config),
      });
    }
    await updateSource(tx, id, {
      status: 'cancelled',
      statusChangedAt: now,
      statusReason: reason,
      nextReviewDue: null,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.cancel',
      recordType: 'sources',
      recordId: id,
      fields: ['reason'],
    });
  });
}

/** prospect, approach-approved, recruited or cancelled → closed: the record is kept, the case ended. */
export function closeSource(ctx: AppContext, scope: UserScope, id: string, reason: string) {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireController(state, { actor: scope.actor, now, config: ctx.config.sources }, 'close it');
    requireStatus(state, ['prospect', 'approach-approved', 'recruited', 'cancelled'], 'be closed');
    await updateSource(tx, id, {
      status: 'closed',
      statusChangedAt: now,
      statusReason: reason,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.close',
      recordType: 'sources',
      recordId: id,
      fields: ['reason'],
    });
  });
}
