import { handlingRules } from '#shared/contracts/sources-handling';
import type { ContactBody, ContactOutcomeBody } from '#shared/contracts/sources-handling';
import { sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../../app-context';
import type { Tx } from '../../../../db/client';
import { recordAudit } from '../../../../platform/audit/audit.service';
import { findUserById } from '../../../../platform/auth/users.repo';
import { AppError } from '../../../../platform/errors';
import type { UserScope } from '../../../../platform/request-scope';
import { sourceFlags } from '../../source-facts';
import type { SourceState } from '../../source-state';
import { raiseContactAlert } from '../../use-cases/alerts';
import { refuse } from '../../sources.rules';
import { type HandlingResult, handlingConfigOf, keepsHandling, onHandling } from '../handling-state';
import { appropriateAdultRefusal, missingMeetingPlan } from '../handling.rules';
import { insertContact, updateContact } from '../handling.repo';
import { raiseReassessment } from './triggers';

function requireKeeper(state: SourceState, scope: UserScope) {
  if (!keepsHandling(state, { actor: scope.actor, now: scope.clock.now() }))
    throw refuse(
      sourceRules.roleOnSource,
      'Only a current handler or controller of this source may do this.',
    );
}

/** A contact that happened: flagged (and alerted) when the source is not authorised or is cancelled. */
async function flagOf(tx: Tx, scope: UserScope, sourceId: string, at: Date) {
  return raiseContactAlert(tx, scope, sourceId, at);
}

/**
 * A contact (reg. 3(k)): a meeting planned with its plan (location, time, cover story, safety, the
 * fall-back method), or a call or message logged as held. A meeting with an under-16 names the
 * appropriate adult (SI 2000/2793 art. 4). A contact held with a prospect or a cancelled source is
 * flagged (status drift, contact after cancellation).
 */
export function recordContact(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: ContactBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state }) => {
    const now = scope.clock.now();
    requireKeeper(state, scope);
    if (input.kind === 'meeting' && input.state === 'planned') {
      const missing = missingMeetingPlan(input);
      if (missing.length > 0)
        throw refuse(handlingRules.meetingPlan, `A meeting plan needs ${missing.join(', ')}.`, {
          fields: missing.map((f) => ({ path: `body.${f}`, message: 'required in a meeting plan' })),
        });
    }
    if (input.kind === 'meeting' && !input.location)
      throw refuse(handlingRules.meetingPlan, 'A meeting records where it took place.', {
        fields: [{ path: 'body.location', message: 'required for a meeting' }],
      });
    for (const [i, officerId] of input.officerIds.entries())
      if (!state.roles.some((r) => r.userId === officerId) && !(await findUserById(tx, officerId)))
        throw new AppError('VALIDATION_FAILED', 'An attending officer is not known.', {
          fields: [{ path: `body.officerIds.${i}`, message: 'is not a known officer' }],
        });
    const adult = appropriateAdultRefusal(
      input.kind,
      sourceFlags(state, now, ctx.config.sources).under16,
      input.appropriateAdult,
    );
    if (adult) throw adult;
    const at = new Date(input.at);
    const flag = input.state === 'held' ? await flagOf(tx, scope, id, at) : null;
    await insertContact(tx, {
      sourceId: id,
      kind: input.kind,
      state: input.state,
      plannedAt: at,
      occurredAt: input.state === 'held' ? at : null,
      location: input.location ?? null,
      coverStory: input.coverStory ?? null,
      safetyArrangements: input.safetyArrangements ?? null,
      fallbackContact: input.fallbackContact ?? null,
      officerIds: [...new Set([scope.actor.id, ...input.officerIds])],
      otherAttendees: input.otherAttendees,
      appropriateAdult: input.appropriateAdult ?? null,
      summary: input.summary ?? null,
      flag,
      recordedBy: scope.actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.contact.record',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}

/** After a planned contact: held (flagged as above), missed (a re-assessment), or called off. */
export function recordContactOutcome(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  contactId: string,
  input: ContactOutcomeBody,
): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'update', async (tx, { state, handling }) => {
    const now = scope.clock.now();
    const contact = handling.contacts.find((c) => c.id === contactId);
    if (!contact) throw AppError.notFound('Contact');
    requireKeeper(state, scope);
    if (contact.state !== 'planned')
      throw refuse(
        handlingRules.correction,
        `The contact is already ${contact.state}: its outcome is recorded.`,
      );
    const adultNamed = input.appropriateAdult ?? contact.appropriateAdult;
    if (input.state === 'held') {
      const adult = appropriateAdultRefusal(
        contact.kind,
        sourceFlags(state, now, ctx.config.sources).under16,
        adultNamed,
      );
      if (adult) throw adult;
    }
    const at = input.at ? new Date(input.at) : now;
    const flag = input.state === 'held' ? await flagOf(tx, scope, id, at) : null;
    await updateContact(tx, contactId, {
      state: input.state,
      occurredAt: input.state === 'held' ? at : null,
      outcome: input.outcome,
      welfareNotes: input.welfareNotes ?? null,
      appropriateAdult: adultNamed ?? null,
      flag,
      outcomeBy: scope.actor.id,
      outcomeAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.contact.outcome',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    if (input.state === 'missed')
      await raiseReassessment(
        tx,
        scope,
        handlingConfigOf(ctx),
        id,
        'missed-meeting',
        `The ${contact.kind} planned was missed.`,
        contactId,
      );
  });
}
