import { sourceRules, type WriteUpBody } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { updateAuthorisation } from '../authorisations.repo';
import { awaitsWriteUp } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { mayWriteUp } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { refuse } from '../sources.rules';

/**
 * The written record of an urgent (oral) grant (LAW.md §1: 72 hours "then written up"), made by the
 * authorising officer who granted it. Until it is recorded the source carries a `write-up-due`
 * alert with its clock (the configured hours after the grant, 72 by default); a late write-up is
 * still taken, and the alert then drops.
 */
export function writeUpUrgentGrant(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: WriteUpBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const row = state.authorisations.find((a) => a.id === authorisationId);
    if (!row) throw AppError.notFound('Authorisation');
    if (!awaitsWriteUp(row))
      throw refuse(
        sourceRules.writeUp,
        row.writtenUpAt
          ? 'This urgent grant is already written up.'
          : 'Only an urgent (oral) grant is written up afterwards.',
      );
    if (!mayWriteUp(state, row, { actor: scope.actor, now, config: ctx.config.sources }))
      throw refuse(sourceRules.writeUp, 'The authorising officer who granted it orally writes it up.');
    await updateAuthorisation(tx, row.id, {
      writeUp: input.record,
      writtenUpAt: now,
      writtenUpBy: scope.actor.id,
    });
    await updateSource(tx, id, { updatedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.authorisation.write-up',
      recordType: 'sources',
      recordId: id,
      fields: ['record'],
    });
  });
}
