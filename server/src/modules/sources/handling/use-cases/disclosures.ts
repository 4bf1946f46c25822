import type { DisclosureBody } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../../app-context';
import { recordAudit } from '../../../../platform/audit/audit.service';
import type { UserScope } from '../../../../platform/request-scope';
import { refuse } from '../../sources.rules';
import { notInFuture } from '../../use-cases/guards';
import { type HandlingResult, handlingConfigOf, keepsHandling, onHandling } from '../handling-state';
import { insertDisclosure } from '../handling.repo';
import { raiseReassessment } from './triggers';

/** "Who can I tell": a person the source told, when, and the advice discussed; a re-assessment follows. */
export function recordDisclosure(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: DisclosureBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state }) => {
    const now = scope.clock.now();
    if (!keepsHandling(state, { actor: scope.actor, now }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may do this.',
      );
    notInFuture(input.disclosedOn, now, 'body.disclosedOn');
    const row = await insertDisclosure(tx, {
      sourceId: id,
      ...input,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.disclosure.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    await raiseReassessment(
      tx,
      scope,
      handlingConfigOf(ctx),
      id,
      'disclosure',
      `The source told someone (${input.relationship}) about the relationship.`,
      row.id,
    );
  });
}
