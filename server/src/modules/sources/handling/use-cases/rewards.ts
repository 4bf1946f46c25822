import type { RewardBody, RewardDecisionBody, RewardPaymentBody } from '#shared/contracts/sources-handling';
import { handlingRules } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../../app-context';
import { recordAudit } from '../../../../platform/audit/audit.service';
import { AppError } from '../../../../platform/errors';
import type { UserScope } from '../../../../platform/request-scope';
import { currentHolders } from '../../source-facts';
import { refuse } from '../../sources.rules';
import {
  type HandlingResult,
  handlingConfigOf,
  keepsHandling,
  mayDecideRewards,
  onHandling,
} from '../handling-state';
import {
  needsController,
  paymentTriggersReassessment,
  rewardDecisionRefusal,
  undercoverRewardRefusal,
} from '../handling.rules';
import { insertReward, updateReward } from '../handling.repo';
import { raiseReassessment } from './triggers';

/**
 * A reward requested (reg. 3(n)): an offer, a payment, a benefit or expenses, by a handler or
 * controller of a source who is not an undercover officer. Above the configured threshold the
 * controller decides it; above the re-assessment threshold it triggers a risk re-assessment.
 */
export function requestReward(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: RewardBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state }) => {
    const now = scope.clock.now();
    if (!keepsHandling(state, { actor: scope.actor, now }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may do this.',
      );
    const undercover = undercoverRewardRefusal(state.source.type);
    if (undercover) throw undercover;
    const config = handlingConfigOf(ctx);
    const reward = await insertReward(tx, {
      sourceId: id,
      kind: input.kind,
      state: 'requested',
      amountPence: input.amountPence,
      description: input.description,
      needsController: needsController(input.amountPence, config),
      requestedBy: scope.actor.id,
      requestedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.reward.request',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    if (input.kind !== 'offer' && paymentTriggersReassessment(input.amountPence, config))
      await raiseReassessment(
        tx,
        scope,
        config,
        id,
        'payment-threshold',
        'A payment above the re-assessment threshold was requested.',
        reward.id,
      );
  });
}

/** Four eyes: approved or refused by an officer who is neither its requester nor a handler; above the threshold, the controller. */
export function decideReward(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  rewardId: string,
  input: RewardDecisionBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    const reward = handling.rewards.find((r) => r.id === rewardId);
    if (!reward) throw AppError.notFound('Reward');
    if (reward.state !== 'requested')
      throw refuse(handlingRules.rewardState, `The reward is already ${reward.state}.`);
    const refusal = rewardDecisionRefusal(
      {
        requestedBy: reward.requestedBy,
        handlerIds: currentHolders(state, 'handler', now).map((r) => r.userId),
        controllerIds: currentHolders(state, 'controller', now).map((r) => r.userId),
        amountPence: reward.amountPence,
      },
      scope.actor.id,
      handlingConfigOf(ctx),
    );
    if (refusal) throw refusal;
    if (!mayDecideRewards(state, { actor: scope.actor, now }))
      throw refuse(
        handlingRules.fourEyes,
        "A reward is decided by the source's controller or an authorising officer.",
      );
    await updateReward(tx, rewardId, {
      state: input.decision === 'approve' ? 'approved' : 'refused',
      decidedBy: scope.actor.id,
      decidedAt: now,
      reasons: input.reasons,
    });
    await recordAudit(tx, scope, {
      action: `sources.reward.${input.decision}`,
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/** An approved reward paid (or given), with its receipt reference. */
export function payReward(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  rewardId: string,
  input: RewardPaymentBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    const reward = handling.rewards.find((r) => r.id === rewardId);
    if (!reward) throw AppError.notFound('Reward');
    if (!keepsHandling(state, { actor: scope.actor, now }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may do this.',
      );
    if (reward.state !== 'approved')
      throw refuse(
        handlingRules.rewardState,
        `The reward is ${reward.state}: only an approved reward is paid.`,
      );
    await updateReward(tx, rewardId, {
      state: 'paid',
      paidBy: scope.actor.id,
      paidAt: input.paidAt ? new Date(input.paidAt) : now,
      receiptReference: input.receiptReference,
    });
    await recordAudit(tx, scope, {
      action: 'sources.reward.pay',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}
