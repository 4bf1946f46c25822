import type {
  ConductScheduleBody,
  RiskAssessmentBody,
  RiskConfirmationBody,
} from '#shared/contracts/sources-handling';
import { handlingRules } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../../app-context';
import { recordAudit } from '../../../../platform/audit/audit.service';
import { AppError } from '../../../../platform/errors';
import type { UserScope } from '../../../../platform/request-scope';
import { sourceFlags } from '../../source-facts';
import { refuse } from '../../sources.rules';
import {
  type HandlingResult,
  handlingConfigOf,
  isSourceAo,
  keepsHandling,
  onHandling,
} from '../handling-state';
import { riskReviewBy } from '../handling.rules';
import {
  completeHandlerTasks,
  confirmRiskAssessment,
  insertConductSchedule,
  insertRiskAssessment,
} from '../handling.repo';

/**
 * A risk assessment (reg. 3(e)), a new version each time; a correction names the version it
 * corrects and why (nothing is overwritten). The enhanced one (SI 2000/2793 art. 5) records physical
 * and psychological welfare. It does every open re-assessment task of the source.
 */
export function recordRiskAssessment(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: RiskAssessmentBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    if (!keepsHandling(state, { actor: scope.actor, now }))
      throw refuse(
        sourceRules.roleOnSource,
        'Only a current handler or controller of this source may do this.',
      );
    if (input.kind === 'enhanced-risk' && (!input.physicalWelfare || !input.psychologicalWelfare))
      throw refuse(
        handlingRules.enhancedRisk,
        'An enhanced risk assessment covers physical and psychological welfare.',
        {
          fields: [{ path: 'body.physicalWelfare', message: 'required for an enhanced risk assessment' }],
        },
      );
    if (input.kind === 'risk' && sourceFlags(state, now, ctx.config.sources).juvenile)
      throw refuse(
        handlingRules.enhancedRisk,
        'The source is under 18: record the enhanced risk assessment.',
      );
    if (input.corrects) {
      if (!handling.riskAssessments.some((r) => r.id === input.corrects))
        throw AppError.notFound('Risk assessment');
      if (!input.correctionReason)
        throw refuse(handlingRules.correction, 'A correction says why.', {
          fields: [{ path: 'body.correctionReason', message: 'required with corrects' }],
        });
    }
    const reviewBy = input.reviewBy
      ? new Date(`${input.reviewBy}T00:00:00Z`)
      : riskReviewBy(input.kind, now, handlingConfigOf(ctx));
    await insertRiskAssessment(
      tx,
      {
        sourceId: id,
        kind: input.kind,
        summary: `${input.security}\n\n${input.welfare}`,
        vulnerable: false,
        explainedToSource: false,
        assessedBy: scope.actor.id,
        assessedAt: now,
      },
      {
        sourceId: id,
        version: handling.riskAssessments.length + 1,
        kind: input.kind,
        security: input.security,
        welfare: input.welfare,
        physicalWelfare: input.physicalWelfare ?? null,
        psychologicalWelfare: input.psychologicalWelfare ?? null,
        conductCovered: input.conductCovered,
        reviewBy,
        correctsId: input.corrects ?? null,
        correctionReason: input.correctionReason ?? null,
        assessedBy: scope.actor.id,
        assessedAt: now,
      },
    );
    await completeHandlerTasks(tx, id, now, scope.actor.id);
    await recordAudit(tx, scope, {
      action: 'sources.risk-assessment.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/** reg. 3(f): the AO confirms the risks were considered and, where appropriate, explained and understood. */
export function confirmAssessment(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  assessmentId: string,
  input: RiskConfirmationBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    const row = handling.riskAssessments.find((r) => r.id === assessmentId);
    if (!row) throw AppError.notFound('Risk assessment');
    if (!isSourceAo(state, { actor: scope.actor, now }))
      throw refuse(
        handlingRules.riskConfirmation,
        "Only the source's authorising officer confirms a risk assessment.",
      );
    if (row.confirmedAt)
      throw refuse(handlingRules.correction, 'This version is confirmed: record a new version.');
    if (!input.explainedToSource && !input.notes)
      throw refuse(handlingRules.riskConfirmation, 'Say why the risks were not explained to the source.', {
        fields: [{ path: 'body.notes', message: 'required when the risks were not explained' }],
      });
    await confirmRiskAssessment(tx, assessmentId, {
      confirmedBy: scope.actor.id,
      confirmedAt: now,
      explainedToSource: input.explainedToSource,
      understoodBySource: input.understoodBySource,
      confirmationNotes: input.notes ?? null,
    });
    await recordAudit(tx, scope, {
      action: 'sources.risk-assessment.confirm',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/** The conduct an authorisation covers (RIPA s.29(4)), recorded by the source's AO; the latest counts. */
export function recordConductSchedule(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: ConductScheduleBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state }) => {
    const now = scope.clock.now();
    const authorisation = state.authorisations.find((a) => a.id === authorisationId);
    if (!authorisation) throw AppError.notFound('Authorisation');
    if (!isSourceAo(state, { actor: scope.actor, now }))
      throw refuse(
        handlingRules.conductSchedule,
        "Only the source's authorising officer records the conduct it covers.",
      );
    if (authorisation.status !== 'granted' && authorisation.status !== 'applied')
      throw refuse(handlingRules.conductSchedule, `The authorisation is ${authorisation.status}.`);
    await insertConductSchedule(tx, {
      sourceId: id,
      authorisationId,
      categories: [...new Set(input.categories)],
      notes: input.notes ?? null,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.conduct-schedule.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}
