import { type ApproachApprovalBody, type RecruitmentBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { findUserById } from '../../../platform/auth/users.repo';
import { currentHolders } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { insertApproach, insertRecruitment } from '../source-records.repo';
import { holdsCaseRole } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { refuse } from '../sources.rules';
import { notInFuture, requireKeeper, requireStatus } from './guards';

/**
 * The internal approval to approach a prospect (LAW.md §1): who approaches (the current handler by
 * default), why, the risk, and the bona-fides arrangement the prospect can use to check the
 * approach is genuine. Given by an authorising officer who holds no case role on the source (a
 * second person); prospect → approach-approved.
 */
export function approveApproach(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: ApproachApprovalBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const p = { actor: scope.actor, now, config: ctx.config.sources };
    requireStatus(state, ['prospect'], 'have an approach approved');
    if (holdsCaseRole(state, p))
      throw refuse(
        sourceRules.ownCase,
        'An approach is approved by an officer who holds no role on the case.',
      );
    const approacher = input.approachingOfficerId ?? currentHolders(state, 'handler', now)[0]?.userId;
    if (!approacher)
      throw refuse(
        sourceRules.arrangements,
        'The prospect has no handler to approach them: name the officer.',
      );
    const officer = await findUserById(tx, approacher);
    if (!officer || officer.disabledAt) throw AppError.notFound('Officer');
    await insertApproach(tx, {
      sourceId: id,
      approvedBy: scope.actor.id,
      approvedAt: now,
      approachingOfficerId: officer.id,
      rationale: input.rationale,
      risk: input.risk,
      bonaFides: input.bonaFides,
    });
    await updateSource(tx, id, { status: 'approach-approved', statusChangedAt: now, updatedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.approach.approve',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/**
 * The recruitment (reg. 3(g)): date, circumstances, the source's motivation in their own words,
 * and the recorded confirmation that they volunteer — refused without it (no coercion). Only after
 * an approved approach, never dated before it; approach-approved → recruited.
 */
export function recordRecruitment(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: RecruitmentBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    if (state.source.status === 'prospect')
      throw refuse(sourceRules.approach, 'A prospect is recruited only after an approved approach.');
    requireStatus(state, ['approach-approved'], 'be recruited');
    if (!input.volunteers)
      throw refuse(
        sourceRules.volunteers,
        'Record that the source volunteers: recruitment without it is refused.',
        {
          fields: [{ path: 'body.volunteers', message: 'the source must volunteer' }],
        },
      );
    notInFuture(input.recruitedOn, now, 'body.recruitedOn');
    if (state.approach && input.recruitedOn < state.approach.approvedAt.toISOString().slice(0, 10))
      throw refuse(sourceRules.approach, 'The recruitment is dated before the approach was approved.', {
        fields: [{ path: 'body.recruitedOn', message: 'is before the approach was approved' }],
      });
    await insertRecruitment(tx, {
      sourceId: id,
      recruitedOn: input.recruitedOn,
      circumstances: input.circumstances,
      motivation: input.motivation,
      volunteers: true,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await updateSource(tx, id, { status: 'recruited', statusChangedAt: now, updatedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.recruitment.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}
