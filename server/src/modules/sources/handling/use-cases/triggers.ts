import type { ReassessmentTrigger } from '#shared/contracts/sources-handling';
import type { Tx } from '../../../../db/client';
import { recordAudit } from '../../../../platform/audit/audit.service';
import type { UserScope } from '../../../../platform/request-scope';
import { type HandlingRuleConfig, reassessmentDueAt } from '../handling.rules';
import { insertHandlerTask } from '../handling.repo';

/**
 * An event that must trigger a risk re-assessment (a task outside the last assessment, a
 * compromise indicator, a payment above the threshold, a missed meeting, a disclosure) raises a
 * task for the handler, due the configured days later; the next risk assessment does it. Overdue,
 * it is a compliance alert (`reassessment-overdue`).
 */
export async function raiseReassessment(
  tx: Tx,
  scope: UserScope,
  config: HandlingRuleConfig,
  sourceId: string,
  trigger: ReassessmentTrigger,
  details: string,
  subjectId: string | null,
): Promise<void> {
  const now = scope.clock.now();
  await insertHandlerTask(tx, {
    sourceId,
    trigger,
    subjectId,
    details,
    dueAt: reassessmentDueAt(now, config),
    createdBy: scope.actor.id,
    createdAt: now,
  });
  await recordAudit(tx, scope, {
    action: 'sources.reassessment.raise',
    recordType: 'sources',
    recordId: sourceId,
    fields: ['trigger'],
  });
}
