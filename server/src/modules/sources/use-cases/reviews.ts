import { type ReviewBody, type ReviewDecisionBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import {
  considerReviewRow,
  findAuthorisation,
  findReview,
  insertReview,
  updateAuthorisation,
} from '../authorisations.repo';
import { isInForce } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { holdsCaseRole } from '../sources.policy';
import { updateSource } from '../sources.repo';
import { addDays, defaultReviewDays, isJuvenile, refuse } from '../sources.rules';
import { requireKeeper } from './guards';

/**
 * A review of an authorisation in force (RIPA s.43(6)-(7)): the use made of the source, the tasks
 * given and the information obtained since the last grant or renewal, by the handler or controller.
 * It waits in the AO's queue; a renewal is refused until one has been submitted.
 */
export function submitReview(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: ReviewBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const authorisation = await findAuthorisation(tx, id, authorisationId);
    if (!authorisation) throw AppError.notFound('Authorisation');
    if (!isInForce(authorisation, now))
      throw refuse(sourceRules.renewalReview, 'Only an authorisation in force is reviewed.');
    const row = await insertReview(tx, {
      sourceId: id,
      authorisationId,
      useMade: input.useMade,
      tasks: input.tasks,
      information: input.information,
      welfare: input.welfare ?? null,
      submittedBy: scope.actor.id,
      submittedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.review.submit',
      recordType: 'source_reviews',
      recordId: row.id,
      fields: Object.keys(input),
    });
  });
}

/**
 * The AO considers a review, with reasons, by an AO who holds no case role; the next review falls
 * due at the frequency they set (or the one in force), counted from now.
 */
export function considerReview(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  reviewId: string,
  input: ReviewDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const review = await findReview(tx, id, reviewId);
    if (!review) throw AppError.notFound('Review');
    if (review.consideredAt) throw refuse(sourceRules.status, 'This review has been considered.');
    if (holdsCaseRole(state, { actor: scope.actor, now, config }))
      throw refuse(
        sourceRules.ownCase,
        'You hold a role on this source: another authorising officer must consider it.',
      );
    const authorisation = (await findAuthorisation(tx, id, review.authorisationId))!;
    await considerReviewRow(tx, review.id, {
      consideredBy: scope.actor.id,
      consideredAt: now,
      reasons: input.reasons,
    });
    if (isInForce(authorisation, now)) {
      const days =
        input.reviewEveryDays ??
        authorisation.reviewEveryDays ??
        defaultReviewDays(isJuvenile(state.identity.dateOfBirth, now), config);
      const nextReviewDue = addDays(now, days);
      await updateAuthorisation(tx, authorisation.id, { reviewEveryDays: days, nextReviewDue });
      await updateSource(tx, id, { nextReviewDue, updatedAt: now });
    }
    await recordAudit(tx, scope, {
      action: 'sources.review.consider',
      recordType: 'source_reviews',
      recordId: review.id,
      fields: Object.keys(input),
    });
  });
}
