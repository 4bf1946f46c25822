import {
  type ApproachDecisionBody,
  type ApproachRequestBody,
  type RecruitmentBody,
  sourceRules,
} from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { findUserById } from '../../../platform/auth/users.repo';
import { currentHolders, pendingApproachRequest } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import {
  decideApproachRequest,
  insertApproach,
  insertApproachRequest,
  insertRecruitment,
} from '../source-records.repo';
import { holdsCaseRole } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { refuse } from '../sources.rules';
import { notInFuture, requireKeeper, requireStatus } from './guards';

/**
 * A request to approach a prospect (LAW.md §1): made by a current handler or controller of the
 * prospect — who approaches (the current handler by default), why, the risk, and the bona-fides
 * arrangement the prospect can use to check the approach is genuine. One request waits at a time;
 * it goes to the AO's queue.
 */
export function requestApproach(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: ApproachRequestBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    requireStatus(state, ['prospect'], 'have its approach requested');
    if (pendingApproachRequest(state))
      throw refuse(sourceRules.approach, 'A request to approach this prospect already waits for a decision.');
    const approacher = input.approachingOfficerId ?? currentHolders(state, 'handler', now)[0]?.userId;
    if (!approacher)
      throw refuse(
        sourceRules.arrangements,
        'The prospect has no handler to approach them: name the officer.',
      );
    const officer = await findUserById(tx, approacher);
    if (!officer || officer.disabledAt) throw AppError.notFound('Officer');
    await insertApproachRequest(tx, {
      sourceId: id,
      approachingOfficerId: officer.id,
      rationale: input.rationale,
      risk: input.risk,
      bonaFides: input.bonaFides,
      requestedBy: scope.actor.id,
      requestedAt: now,
      status: 'requested',
    });
    await updateSource(tx, id, { updatedAt: now });
    await recordAudit(tx, scope, {
      action: 'sources.approach.request',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/**
 * An authorising officer's decision on a request to approach, with written reasons: an AO who holds
 * no role on the case (a second person). Approved → approach-approved, the approval recorded with
 * the request's particulars; refused → the prospect stays a prospect and a new request may follow.
 */
export function decideApproach(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  requestId: string,
  input: ApproachDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const p = { actor: scope.actor, now, config: ctx.config.sources };
    const request = state.approachRequests.find((r) => r.id === requestId);
    if (!request) throw AppError.notFound('Approach request');
    if (request.status !== 'requested')
      throw refuse(sourceRules.approach, `This request to approach was already ${request.status}.`);
    if (holdsCaseRole(state, p))
      throw refuse(
        sourceRules.ownCase,
        'An approach is decided by an authorising officer who holds no role on the case.',
      );
    requireStatus(state, ['prospect'], 'have an approach approved');
    const approved = input.decision === 'approve';
    await decideApproachRequest(tx, request.id, {
      status: approved ? 'approved' : 'refused',
      decidedBy: scope.actor.id,
      decidedAt: now,
      reasons: input.reasons,
    });
    if (approved) {
      await insertApproach(tx, {
        sourceId: id,
        approvedBy: scope.actor.id,
        approvedAt: now,
        approachingOfficerId: request.approachingOfficerId,
        rationale: request.rationale,
        risk: request.risk,
        bonaFides: request.bonaFides,
      });
      await updateSource(tx, id, { status: 'approach-approved', statusChangedAt: now, updatedAt: now });
    } else await updateSource(tx, id, { updatedAt: now });
    await recordAudit(tx, scope, {
      action: approved ? 'sources.approach.approve' : 'sources.approach.refuse',
      recordType: 'sources',
      recordId: id,
      fields: ['decision', 'reasons'],
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
