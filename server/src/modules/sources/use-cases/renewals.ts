import {
  type JudicialApprovalBody,
  type RenewalBody,
  type RenewalDecisionBody,
  sourceRules,
} from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import {
  considerReviewRow,
  findAuthorisation,
  findRenewal,
  insertJudicialApproval,
  insertRenewal,
  updateAuthorisation,
  updateRenewal,
} from '../authorisations.repo';
import { hasReviewSinceLastGrant, isInForce, lastGrantOrRenewalAt } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { decisionRefusal } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { addDays, isJuvenile, refuse, renewalExpiry } from '../sources.rules';
import { assertGrantable } from './decide-authorisation';
import { notInFuture, requireKeeper } from './guards';

/** An application to renew an authorisation in force (s.43(4)), by the handler or controller. */
export function applyForRenewal(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: RenewalBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const authorisation = await findAuthorisation(tx, id, authorisationId);
    if (!authorisation) throw AppError.notFound('Authorisation');
    if (!isInForce(authorisation, now))
      throw refuse(
        sourceRules.renewBeforeExpiry,
        'Only an authorisation in force is renewed: apply for a new one.',
      );
    if (state.renewals.some((r) => r.authorisationId === authorisationId && r.status === 'applied'))
      throw refuse(sourceRules.status, 'A renewal is already waiting for a decision.');
    const row = await insertRenewal(tx, {
      sourceId: id,
      authorisationId,
      status: 'applied',
      justification: input.justification,
      appliedBy: scope.actor.id,
      appliedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.renewal.apply',
      recordType: 'source_renewals',
      recordId: row.id,
      fields: Object.keys(input),
    });
  });
}

/**
 * The AO's decision on a renewal. A grant is refused until a review of use, tasks and information
 * has been submitted since the last grant or renewal (s.43(6)-(7)), made before expiry (s.43(4)),
 * and runs on from the old expiry for 12 months (4 for a juvenile) (s.43(3)); every check of a
 * first grant applies again. The reviews it considered are marked considered by it.
 */
export function decideRenewal(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  renewalId: string,
  input: RenewalDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const renewal = await findRenewal(tx, id, renewalId);
    if (!renewal) throw AppError.notFound('Renewal');
    if (renewal.status !== 'applied') throw refuse(sourceRules.status, 'This renewal has been decided.');
    const authorisation = (await findAuthorisation(tx, id, renewal.authorisationId))!;
    const refusal = decisionRefusal(state, authorisation, { actor: scope.actor, now, config });
    if (refusal) throw refusal;
    const decided = { decidedBy: scope.actor.id, decidedAt: now, reasons: input.reasons };
    if (input.decision === 'refuse') await updateRenewal(tx, renewal.id, { status: 'refused', ...decided });
    else {
      if (!isInForce(authorisation, now))
        throw refuse(
          sourceRules.renewBeforeExpiry,
          'The authorisation has ceased to have effect: it cannot be renewed.',
        );
      if (!hasReviewSinceLastGrant(state, authorisation))
        throw refuse(
          sourceRules.renewalReview,
          'No review of the use made of the source, the tasks given and the information obtained has been recorded since the last grant.',
        );
      const juvenile = isJuvenile(state.identity.dateOfBirth, now);
      const newExpiry = renewalExpiry(authorisation.expiresAt!, juvenile, config);
      const since = lastGrantOrRenewalAt(state, authorisation);
      assertGrantable(state, authorisation, { now, until: newExpiry, since }, config);
      const reviewEveryDays = input.reviewEveryDays ?? authorisation.reviewEveryDays ?? config.reviewDays;
      const nextReviewDue = addDays(now, reviewEveryDays);
      await updateRenewal(tx, renewal.id, {
        status: 'granted',
        ...decided,
        previousExpiry: authorisation.expiresAt,
        newExpiry,
      });
      await updateAuthorisation(tx, authorisation.id, {
        expiresAt: newExpiry,
        juvenileAtGrant: authorisation.juvenileAtGrant || juvenile,
        vulnerableAtGrant: authorisation.vulnerableAtGrant || state.source.vulnerable,
        reviewEveryDays,
        nextReviewDue,
      });
      for (const review of state.reviews.filter(
        (r) => r.authorisationId === authorisation.id && !r.consideredAt,
      ))
        await considerReviewRow(tx, review.id, {
          consideredBy: scope.actor.id,
          consideredAt: now,
          reasons: 'Considered for the renewal (RIPA s.43(6)).',
        });
      await updateSource(tx, id, { expiresAt: newExpiry, nextReviewDue, updatedAt: now });
    }
    await recordAudit(tx, scope, {
      action: input.decision === 'grant' ? 'sources.renewal.grant' : 'sources.renewal.refuse',
      recordType: 'source_renewals',
      recordId: renewal.id,
      fields: Object.keys(input),
    });
  });
}

/**
 * A Judicial Commissioner's approval (SI 2013/2788), recorded by an AO on an undercover officer's
 * application or authorisation in force, before the grant or renewal that takes them beyond 12
 * months on the operation.
 */
export function recordJudicialApproval(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: JudicialApprovalBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const authorisation = await findAuthorisation(tx, id, authorisationId);
    if (!authorisation) throw AppError.notFound('Authorisation');
    if (state.source.type !== 'undercover-officer')
      throw refuse(
        sourceRules.longTermUndercover,
        "Only an undercover officer's deployment needs a Judicial Commissioner's approval.",
      );
    if (authorisation.status !== 'applied' && !isInForce(authorisation, now))
      throw refuse(sourceRules.status, 'The approval is for an application or an authorisation in force.');
    notInFuture(input.approvedOn, now, 'body.approvedOn');
    await insertJudicialApproval(tx, {
      sourceId: id,
      authorisationId,
      approvedOn: input.approvedOn,
      reference: input.reference,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.judicial-approval.record',
      recordType: 'source_authorisations',
      recordId: authorisationId,
      fields: Object.keys(input),
    });
  });
}
