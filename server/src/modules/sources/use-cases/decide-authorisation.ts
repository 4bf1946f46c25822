import { type AuthorisationDecisionBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import type { Tx } from '../../../db/client';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { findAuthorisation, updateAuthorisation } from '../authorisations.repo';
import {
  authorisationInForce,
  deploymentPeriods,
  hasJudicialApprovalSince,
  latestAssessment,
  type SourceFacts,
} from '../source-facts';
import { onSource, type SourceResult, type SourceState } from '../source-state';
import { decisionRefusal, rolesOn } from '../sources.policy';
import { updateSource } from '../sources.repo';
import {
  addDays,
  defaultReviewDays,
  grantExpiry,
  isJuvenile,
  isLongTerm,
  isUnder16,
  refuse,
  type SourcesRuleConfig,
} from '../sources.rules';
import type { SourceAuthorisationRow } from '../sources.schema';
import { requireArrangements, requireStatus } from './guards';
import { giveRole } from './roles';

/**
 * The checks every grant and renewal makes of the source (LAW.md §1), each refusing with its rule:
 * the s.29(5) arrangements in place, the true identity recorded (the juvenile rules read its date
 * of birth), an under-16 never against a parent, an enhanced risk assessment for a juvenile since
 * `since`, and a Judicial Commissioner's approval before an undercover officer goes beyond 12
 * months on one operation.
 */
export function assertGrantable(
  facts: SourceFacts,
  application: SourceAuthorisationRow,
  terms: { now: Date; until: Date; since: Date | null },
  config: SourcesRuleConfig,
): void {
  const { now } = terms;
  requireArrangements(facts, now);
  if (!facts.identity.recorded)
    throw refuse(sourceRules.identity, "Record the source's true identity before authorising them.");
  const dob = facts.identity.dateOfBirth;
  if (application.againstParent && isUnder16(dob, now))
    throw refuse(
      sourceRules.juvenileParent,
      'A source under 16 is never authorised against a parent or a person with parental responsibility.',
    );
  const assessed = latestAssessment(facts, 'enhanced-risk');
  if (isJuvenile(dob, now) && (!assessed || (terms.since && assessed.assessedAt < terms.since)))
    throw refuse(sourceRules.juvenileRisk, 'A juvenile source needs an up-to-date enhanced risk assessment.');
  if (
    facts.source.type === 'undercover-officer' &&
    isLongTerm(
      deploymentPeriods(facts, now),
      application.operation,
      terms.until.getTime() - now.getTime(),
      config,
    ) &&
    !hasJudicialApprovalSince(facts, application.id, terms.since)
  )
    throw refuse(
      sourceRules.longTermUndercover,
      `This deployment would take the officer beyond ${config.longTermUndercoverMonths} months on the operation: record a Judicial Commissioner's approval first.`,
    );
}

async function grant(
  tx: Tx,
  scope: UserScope,
  state: SourceState,
  application: SourceAuthorisationRow,
  input: AuthorisationDecisionBody,
  config: SourcesRuleConfig,
): Promise<void> {
  const now = scope.clock.now();
  requireStatus(state, ['recruited', 'authorised'], 'be authorised');
  if (authorisationInForce(state, now))
    throw refuse(sourceRules.renewBeforeExpiry, 'An authorisation is already in force: renew it instead.');
  const juvenile = isJuvenile(state.identity.dateOfBirth, now);
  const expiresAt = grantExpiry(now, { urgency: application.urgency, juvenile }, config);
  assertGrantable(state, application, { now, until: expiresAt, since: null }, config);
  const reviewEveryDays = input.reviewEveryDays ?? defaultReviewDays(juvenile, config);
  const nextReviewDue = addDays(now, reviewEveryDays);
  await updateAuthorisation(tx, application.id, {
    status: 'granted',
    decidedBy: scope.actor.id,
    decidedAt: now,
    decisionReasons: input.reasons,
    grantedAt: now,
    expiresAt,
    juvenileAtGrant: juvenile,
    vulnerableAtGrant: state.source.vulnerable,
    reviewEveryDays,
    nextReviewDue,
  });
  // The officer who grants is the source's AO from now (read in already: they can see it).
  if (!rolesOn(state, { actor: scope.actor, now, config }).includes('authorising-officer'))
    await giveRole(tx, scope, state, {
      role: 'authorising-officer',
      userId: scope.actor.id,
      from: now,
      to: null,
      field: 'decision',
    });
  await updateSource(tx, state.source.id, {
    status: 'authorised',
    statusChangedAt: now,
    statusReason: null,
    expiresAt,
    nextReviewDue,
    updatedAt: now,
  });
}

/**
 * The AO's decision on an application, with written reasons. Refused (each naming its rule) when
 * the AO holds a role on the case or lacks the level it needs; a grant also needs every check of
 * `assertGrantable`. A grant runs 12 months from the start of its day (4 for a juvenile), 72 hours
 * when urgent (RIPA s.43(3)), with reviews at the frequency the AO sets (monthly by default for a
 * juvenile); recruited → authorised.
 */
export function decideAuthorisation(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  authorisationId: string,
  input: AuthorisationDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const application = await findAuthorisation(tx, id, authorisationId);
    if (!application) throw AppError.notFound('Authorisation');
    if (application.status !== 'applied')
      throw refuse(sourceRules.status, 'This application has been decided.');
    const refusal = decisionRefusal(state, application, { actor: scope.actor, now, config });
    if (refusal) throw refusal;
    if (input.decision === 'grant') await grant(tx, scope, state, application, input, config);
    else
      await updateAuthorisation(tx, application.id, {
        status: 'refused',
        decidedBy: scope.actor.id,
        decidedAt: now,
        decisionReasons: input.reasons,
      });
    await recordAudit(tx, scope, {
      action: input.decision === 'grant' ? 'sources.authorisation.grant' : 'sources.authorisation.refuse',
      recordType: 'source_authorisations',
      recordId: application.id,
      fields: Object.keys(input),
    });
  });
}
