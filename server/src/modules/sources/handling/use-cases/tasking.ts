import type { CompromiseBody, TaskingBody } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../../app-context';
import { recordAudit } from '../../../../platform/audit/audit.service';
import type { UserScope } from '../../../../platform/request-scope';
import { authorisationInForce, sourceFlags } from '../../source-facts';
import { refuse } from '../../sources.rules';
import { type HandlingResult, handlingConfigOf, keepsHandling, onHandling } from '../handling-state';
import {
  enhancedAssessmentRefusal,
  outsideLastAssessment,
  riskReviewBy,
  taskingRefusal,
} from '../handling.rules';
import { insertTasking } from '../handling.repo';
import { raiseReassessment } from './triggers';

/**
 * A task or demand made of the source (reg. 3(j)): refused after cancellation, without an
 * authorisation in force, and outside the conduct its AO recorded for it (RIPA s.29(4): back to the
 * AO), and for a juvenile without an enhanced risk assessment in date (SI 2000/2793 art. 5). A task
 * outside what the last risk assessment considered triggers a re-assessment.
 */
export function giveTask(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: TaskingBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    if (!keepsHandling(state, { actor: scope.actor, now }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may task it.',
      );
    const current = authorisationInForce(state, now);
    const schedule = current
      ? handling.conductSchedules.filter((s) => s.authorisationId === current.id).at(-1)
      : undefined;
    const refusal = taskingRefusal(
      {
        status: state.source.status,
        authorisationInForce: current !== undefined,
        scheduledConduct: schedule?.categories ?? null,
      },
      input.conduct,
    );
    if (refusal) throw refusal;
    const juvenile = sourceFlags(state, now, ctx.config.sources).juvenile;
    const enhanced = state.assessments.filter((a) => a.kind === 'enhanced-risk').at(-1);
    const versioned = enhanced && handling.riskAssessments.find((r) => r.id === enhanced.id);
    const reviewBy = enhanced
      ? (versioned?.reviewBy ?? riskReviewBy('enhanced-risk', enhanced.assessedAt, handlingConfigOf(ctx)))
      : null;
    const outOfDate = enhancedAssessmentRefusal(juvenile, reviewBy, now);
    if (outOfDate) throw outOfDate;
    const task = await insertTasking(tx, {
      sourceId: id,
      authorisationId: current!.id,
      conduct: input.conduct,
      description: input.description,
      dueBy: input.dueBy ?? null,
      givenBy: scope.actor.id,
      givenAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.tasking.give',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    const last = handling.riskAssessments.at(-1);
    if (outsideLastAssessment(last?.conductCovered ?? null, input.conduct))
      await raiseReassessment(
        tx,
        scope,
        handlingConfigOf(ctx),
        id,
        'tasking-outside-assessment',
        `A task asks for "${input.conduct}", which the last risk assessment did not consider.`,
        task.id,
      );
  });
}

/** A compromise indicator: recorded as a re-assessment task (its details stay in the compartment). */
export function reportCompromise(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: CompromiseBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state }) => {
    if (!keepsHandling(state, { actor: scope.actor, now: scope.clock.now() }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may do this.',
      );
    await raiseReassessment(
      tx,
      scope,
      handlingConfigOf(ctx),
      id,
      'compromise-indicator',
      input.details,
      null,
    );
  });
}
