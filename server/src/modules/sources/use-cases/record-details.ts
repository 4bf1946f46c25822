import type { AddAuthorityBody, AssessmentBody } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import { onSource, type SourceResult } from '../source-state';
import { insertAssessment, insertAuthority } from '../source-records.repo';
import { updateSource } from '../sources.repo';
import { requireKeeper } from './guards';

/** Another investigating authority involved and how it refers to the source (reg. 3(c)(d)). */
export function addAuthority(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: AddAuthorityBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    await insertAuthority(tx, { sourceId: id, ...input, addedBy: scope.actor.id, addedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.authority.add',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/**
 * A welfare record (reg. 3(e)(f)): security and welfare, a vulnerability assessment (which sets the
 * source's vulnerable flag: derived from the latest one, never typed in), or the juvenile enhanced
 * risk assessment (SI 2000/2793 art. 5).
 */
export function recordAssessment(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: AssessmentBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    await insertAssessment(tx, {
      sourceId: id,
      kind: input.kind,
      summary: input.summary,
      vulnerable: input.kind === 'vulnerability' && input.vulnerable,
      explainedToSource: input.explainedToSource,
      assessedBy: scope.actor.id,
      assessedAt: now,
    });
    if (input.kind === 'vulnerability')
      await updateSource(tx, id, { vulnerable: input.vulnerable, updatedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.assessment.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}
