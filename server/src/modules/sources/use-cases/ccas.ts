import {
  type CcaApplicationBody,
  type CcaDecisionBody,
  type CcaNoticeBody,
  type CcaRenewalBody,
  sourceRules,
} from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import {
  findAuthorisation,
  findCca,
  insertCca,
  insertCcaNotice,
  insertCcaRenewal,
  recordCcaNoticeRow,
  updateCca,
} from '../authorisations.repo';
import { authorisationInForce, ccaState, isInForce, type SourceFacts } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { holdsCaseRole, isCcaOfficer } from '../sources.policy';
import { ccaNoticeDue, grantExpiry, isJuvenile, refuse, renewalExpiry } from '../sources.rules';
import type { SourceCcaRow } from '../sources.schema';
import { requireKeeper } from './guards';

// Criminal conduct authorisations (RIPA s.29B-29C, s.32C; the CHIS (Criminal Conduct) Act 2021):
// only alongside a live source authorisation, granted by a designated officer, with the conduct,
// the grounds and proportionality; each grant and cancellation starts the 7-day clock of the
// written notice to a Judicial Commissioner.

/** s.29C: a juvenile's CCA needs exceptional circumstances, no foreseeable harm, and their best interests. */
function assertJuvenileSafeguards(
  facts: SourceFacts,
  cca: Pick<SourceCcaRow, 'exceptionalCircumstances' | 'bestInterests' | 'noForeseeableHarm'>,
  now: Date,
): void {
  if (!isJuvenile(facts.identity.dateOfBirth, now)) return;
  if (!cca.exceptionalCircumstances || !cca.bestInterests || !cca.noForeseeableHarm)
    throw refuse(
      sourceRules.ccaJuvenile,
      "A juvenile's criminal conduct authorisation records the exceptional circumstances, that no harm to the child is foreseeable, and the child's best interests.",
    );
}

export function applyForCca(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: CcaApplicationBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const parent = authorisationInForce(state, now);
    if (!parent)
      throw refuse(
        sourceRules.ccaParent,
        'A criminal conduct authorisation is made only alongside a source authorisation in force.',
      );
    assertJuvenileSafeguards(
      state,
      {
        ...input,
        exceptionalCircumstances: input.exceptionalCircumstances ?? null,
        bestInterests: input.bestInterests ?? null,
      },
      now,
    );
    const row = await insertCca(tx, {
      sourceId: id,
      authorisationId: parent.id,
      status: 'applied',
      conduct: input.conduct,
      grounds: input.grounds,
      necessity: input.necessity,
      proportionality: input.proportionality,
      exceptionalCircumstances: input.exceptionalCircumstances ?? null,
      bestInterests: input.bestInterests ?? null,
      noForeseeableHarm: input.noForeseeableHarm,
      appliedBy: scope.actor.id,
      appliedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.cca.apply',
      recordType: 'source_ccas',
      recordId: row.id,
      fields: Object.keys(input),
    });
  });
}

/** The designated officer's decision; a grant starts the 7-day notice clock (s.32C). */
export function decideCca(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  ccaId: string,
  input: CcaDecisionBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const cca = await findCca(tx, id, ccaId);
    if (!cca) throw AppError.notFound('Criminal conduct authorisation');
    if (cca.status !== 'applied') throw refuse(sourceRules.status, 'This application has been decided.');
    if (!isCcaOfficer(scope.actor, config))
      throw refuse(
        sourceRules.ccaDesignated,
        'Only a designated officer grants a criminal conduct authorisation.',
      );
    if (holdsCaseRole(state, { actor: scope.actor, now, config }))
      throw refuse(
        sourceRules.ownCase,
        'You hold a role on this source: another designated officer must decide.',
      );
    const decided = { decidedBy: scope.actor.id, decidedAt: now, reasons: input.reasons };
    if (input.decision === 'refuse') await updateCca(tx, cca.id, { status: 'refused', ...decided });
    else {
      const parent = await findAuthorisation(tx, id, cca.authorisationId);
      if (!parent || !isInForce(parent, now))
        throw refuse(
          sourceRules.ccaParent,
          'The source authorisation it stands alongside is no longer in force.',
        );
      assertJuvenileSafeguards(state, cca, now);
      const juvenile = isJuvenile(state.identity.dateOfBirth, now);
      await updateCca(tx, cca.id, {
        status: 'granted',
        ...decided,
        grantedAt: now,
        expiresAt: grantExpiry(now, { urgency: 'routine', juvenile }, config),
      });
      await insertCcaNotice(tx, {
        sourceId: id,
        ccaId: cca.id,
        event: 'grant',
        eventAt: now,
        dueAt: ccaNoticeDue(now, config),
      });
    }
    await recordAudit(tx, scope, {
      action: input.decision === 'grant' ? 'sources.cca.grant' : 'sources.cca.refuse',
      recordType: 'source_ccas',
      recordId: cca.id,
      fields: Object.keys(input),
    });
  });
}

/** Records the written notice to a Judicial Commissioner for the CCA's oldest outstanding event. */
export function recordCcaNotice(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  ccaId: string,
  input: CcaNoticeBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const cca = await findCca(tx, id, ccaId);
    if (!cca) throw AppError.notFound('Criminal conduct authorisation');
    const notice = state.notices.find((n) => n.ccaId === cca.id && n.notifiedAt === null);
    if (!notice)
      throw refuse(
        sourceRules.ccaNotice,
        'No notice is outstanding for this criminal conduct authorisation.',
      );
    const notifiedAt = input.notifiedAt ? new Date(input.notifiedAt) : now;
    if (notifiedAt > now || notifiedAt < notice.eventAt)
      throw new AppError('VALIDATION_FAILED', 'The notice is dated between the event and now.', {
        fields: [{ path: 'body.notifiedAt', message: 'must lie between the event and now' }],
        rule: sourceRules.ccaNotice,
      });
    await recordCcaNoticeRow(tx, notice.id, {
      notifiedAt,
      reference: input.reference,
      recordedBy: scope.actor.id,
    });
    await recordAudit(tx, scope, {
      action: 'sources.cca.notice',
      recordType: 'source_ccas',
      recordId: cca.id,
      fields: Object.keys(input),
    });
  });
}

/**
 * Renews a CCA in force, by a designated officer who holds no role on the case, with reasons: only
 * alongside a source authorisation still in force, the juvenile safeguards still recorded; it runs
 * on from the old expiry (12 months, 4 for a juvenile) and its renewal starts its own 7-day notice
 * clock (s.32C: grant, renewal or cancellation).
 */
export function renewCca(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  ccaId: string,
  input: CcaRenewalBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const cca = await findCca(tx, id, ccaId);
    if (!cca) throw AppError.notFound('Criminal conduct authorisation');
    if (!isCcaOfficer(scope.actor, config))
      throw refuse(
        sourceRules.ccaDesignated,
        'Only a designated officer renews a criminal conduct authorisation.',
      );
    if (holdsCaseRole(state, { actor: scope.actor, now, config }))
      throw refuse(
        sourceRules.ownCase,
        'You hold a role on this source: another designated officer must decide.',
      );
    if (ccaState(cca, state, now) !== 'granted' || !cca.expiresAt)
      throw refuse(
        sourceRules.renewBeforeExpiry,
        'Only a criminal conduct authorisation in force is renewed, before it ends.',
      );
    assertJuvenileSafeguards(state, cca, now);
    const newExpiry = renewalExpiry(cca.expiresAt, isJuvenile(state.identity.dateOfBirth, now), config);
    await insertCcaRenewal(tx, {
      sourceId: id,
      ccaId: cca.id,
      renewedBy: scope.actor.id,
      renewedAt: now,
      reasons: input.reasons,
      previousExpiry: cca.expiresAt,
      newExpiry,
    });
    await updateCca(tx, cca.id, { expiresAt: newExpiry });
    await insertCcaNotice(tx, {
      sourceId: id,
      ccaId: cca.id,
      event: 'renewal',
      eventAt: now,
      dueAt: ccaNoticeDue(now, config),
    });
    await recordAudit(tx, scope, {
      action: 'sources.cca.renew',
      recordType: 'source_ccas',
      recordId: cca.id,
      fields: Object.keys(input),
    });
  });
}

/** Cancels a CCA in force, with the reason; its cancellation starts its own 7-day notice clock. */
export function cancelCca(ctx: AppContext, scope: UserScope, id: string, ccaId: string, reason: string) {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const cca = await findCca(tx, id, ccaId);
    if (!cca) throw AppError.notFound('Criminal conduct authorisation');
    if (ccaState(cca, state, now) !== 'granted')
      throw refuse(sourceRules.status, 'Only a criminal conduct authorisation in force is cancelled.');
    await updateCca(tx, cca.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: scope.actor.id,
      cancellationReason: reason,
    });
    await insertCcaNotice(tx, {
      sourceId: id,
      ccaId: cca.id,
      event: 'cancellation',
      eventAt: now,
      dueAt: ccaNoticeDue(now, config),
    });
    await recordAudit(tx, scope, {
      action: 'sources.cca.cancel',
      recordType: 'source_ccas',
      recordId: cca.id,
      fields: ['reason'],
    });
  });
}
