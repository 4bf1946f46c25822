import { randomBytes } from 'node:crypto';
import type { IntelligenceBody, ProductBody, ProductView } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { Classification } from '#shared/contracts/markings';
import type { AppContext } from '../../../../app-context';
import type { Tx } from '../../../../db/client';
import { withActorTx } from '../../../../platform/access/actor-tx';
import { holdsCaveats, holdsClearance } from '../../../../platform/access/policy';
import { recordAudit } from '../../../../platform/audit/audit.service';
import { findUserById } from '../../../../platform/auth/users.repo';
import { AppError } from '../../../../platform/errors';
import type { UserScope } from '../../../../platform/request-scope';
import { officersOf, type SourceState } from '../../source-state';
import { sourceVault } from '../../sources.cipher';
import { findIdentity } from '../../sources.repo';
import { refuse } from '../../sources.rules';
import { type HandlingResult, keepsHandling, onHandling } from '../handling-state';
import type { HandlingRecord } from '../handling.repo';
import { insertProduct, insertReport, productsReleasedTo } from '../handling.repo';
import { admiraltyOf, gradingCode, handlingConditionsRefusal, markingsRefusal } from '../handling.rules';
import { presentProduct } from '../handling.presenter';
import { type IdentifyingDetail, sanitisationRefusal } from '../sanitiser';

function requireKeeper(state: SourceState, scope: UserScope) {
  if (!keepsHandling(state, { actor: scope.actor, now: scope.clock.now() }))
    throw refuse(
      sourceRules.roleOnSource,
      'Only a current handler or controller of this source may do this.',
    );
}

/**
 * Intelligence obtained (reg. 3(l)): what was reported, when, at which contact, graded 3x5x2 (the
 * Admiralty equivalent is derived). The raw report stays in the source's compartment.
 */
export function recordIntelligence(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: IntelligenceBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    requireKeeper(state, scope);
    if (input.contactId && !handling.contacts.some((c) => c.id === input.contactId))
      throw AppError.notFound('Contact');
    const conditions = handlingConditionsRefusal(input.handling, input.handlingConditions);
    if (conditions) throw conditions;
    await insertReport(tx, {
      sourceId: id,
      contactId: input.contactId ?? null,
      reportedAt: input.reportedAt ? new Date(input.reportedAt) : now,
      report: input.report,
      sourceEvaluation: input.sourceEvaluation,
      intelligenceGrade: input.intelligenceGrade,
      handling: input.handling,
      handlingConditions: input.handlingConditions ?? null,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.intelligence.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/** What identifies the source: the register's names, the vault (decrypted here, never returned), the meeting places. */
async function identifyingDetail(
  ctx: AppContext,
  tx: Tx,
  state: SourceState,
  handling: HandlingRecord,
): Promise<IdentifyingDetail> {
  const row = await findIdentity(tx, state.source.id);
  const identity = row ? await sourceVault(ctx, tx).decryptIdentity(state.source.id, row.identityEnc) : null;
  return {
    pseudonym: state.source.pseudonym,
    urn: state.source.urn,
    names: identity ? [identity.name, ...(identity.appropriateAdult ? [identity.appropriateAdult] : [])] : [],
    addresses: identity?.addresses ?? [],
    identityNumbers: identity?.documents.map((d) => d.number) ?? [],
    identitiesUsed: identity?.identitiesUsed ?? [],
    meetingPlaces: handling.contacts.map((c) => c.location).filter((l): l is string => l !== null),
  };
}

/** The officers a product goes to: active, and cleared for its markings. */
async function loadRecipients(
  tx: Tx,
  ids: readonly string[],
  marking: { classification: Classification; caveats: string[] },
) {
  for (const [i, userId] of [...new Set(ids)].entries()) {
    const user = await findUserById(tx, userId);
    if (!user || user.disabledAt) throw AppError.notFound('Officer');
    const officer = { clearance: user.clearance as Classification, caveats: user.caveats };
    if (!holdsClearance(officer, marking) || !holdsCaveats(officer, marking))
      throw refuse(sourceRules.clearance, `${user.displayName} is not cleared for the product's markings.`, {
        fields: [{ path: `body.recipientIds.${i}`, message: "is not cleared for the product's markings" }],
      });
  }
}

/**
 * Dissemination (reg. 3(m)): a sanitised product of a report, released under a handling code to
 * named recipients, marked at least as its source. Its title and text are refused while they carry
 * the pseudonym, the URN, the vault's names, addresses or identity numbers, an identity the source
 * uses, or a meeting place — the refusal names the kind, never the value. The product names neither
 * its source nor its report; the provenance row does, read only through the source.
 */
export function disseminate(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  reportId: string,
  input: ProductBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    const report = handling.reports.find((r) => r.id === reportId);
    if (!report) throw AppError.notFound('Report');
    requireKeeper(state, scope);
    const marking = {
      classification: input.classification ?? state.source.classification,
      caveats: input.caveats,
    };
    const below = markingsRefusal(state.source, marking);
    if (below) throw below;
    const conditions = handlingConditionsRefusal(input.handling, input.handlingConditions);
    if (conditions) throw conditions;
    const detail = await identifyingDetail(ctx, tx, state, handling);
    await recordAudit(tx, scope, {
      action: 'sources.identity.sanitiser-check',
      recordType: 'sources',
      recordId: id,
      fields: ['name', 'addresses', 'documents', 'identitiesUsed'],
    });
    const found =
      sanitisationRefusal(input.title, detail, 'body.title') ?? sanitisationRefusal(input.text, detail);
    if (found) throw found;
    await loadRecipients(tx, input.recipientIds, marking);
    await insertProduct(
      tx,
      {
        reference: `PRD-${now.getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`,
        title: input.title,
        text: input.text,
        classification: marking.classification,
        caveats: marking.caveats,
        handling: input.handling,
        handlingConditions: input.handlingConditions ?? null,
        grading: `${gradingCode(report.sourceEvaluation, report.intelligenceGrade, input.handling)} (${admiraltyOf(report.sourceEvaluation, report.intelligenceGrade)})`,
        recipientIds: [...new Set(input.recipientIds)],
        releasedAt: now,
      },
      { sourceId: id, reportId, releasedBy: scope.actor.id },
    );
    await recordAudit(tx, scope, {
      action: 'sources.product.release',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/**
 * The products released to the actor by name and within their markings, newest first: what the
 * Investigations module receives. A product says nothing of its source or report.
 */
export function listReleasedProducts(
  ctx: AppContext,
  scope: UserScope,
  options: { limit?: number; since?: Date } = {},
): Promise<ProductView[]> {
  return withActorTx(ctx, scope, async (tx) => {
    const rows = (await productsReleasedTo(tx, scope.actor.id, options.limit ?? 100, options.since)).filter(
      (p) => holdsClearance(scope.actor, p) && holdsCaveats(scope.actor, p),
    );
    const officers = await officersOf(
      tx,
      rows.flatMap((p) => p.recipientIds),
    );
    return rows.map((p) => presentProduct(p, officers));
  });
}
