import { eq } from 'drizzle-orm';
import type { OfficerRef } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import type { Tx } from '../../../db/client';
import { compartmentIdsOf } from '../../../platform/access/access.repo';
import { withActorTx } from '../../../platform/access/actor-tx';
import { loadVisible } from '../../../platform/access/load-visible';
import { decide, type RecordAction } from '../../../platform/access/policy';
import type { Actor } from '../../../platform/auth/actor';
import { rolesGrant } from '../../../platform/auth/permissions';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import { authorisationInForce } from '../source-facts';
import { loadSourceState, officersOf, type SourceState } from '../source-state';
import { findSource } from '../sources.repo';
import { currentRolesOf } from '../sources.rules';
import { sources } from '../sources.schema';
import { defaultHandlingConfig, type HandlingRuleConfig } from './handling.rules';
import { type HandlingRecord, handlingOf } from './handling.repo';

// The way every handling use case on one source runs, as Sources I's `onSource` does: in the
// actor's transaction, the source loaded for the action (unknown and hidden alike → 404 "Source not
// found."; visible but not allowed → 403), locked for a change, its state and handling loaded;
// `work` applies the change; the answer is the record after it. The answer shows contacts and
// rewards, so it is audited as a sensitive read in the same transaction.

export interface HandlingState {
  state: SourceState;
  handling: HandlingRecord;
}

export interface HandlingResult extends HandlingState {
  viewer: Actor;
  officers: Map<string, OfficerRef>;
}

/** The handling rules' configured values (config.ts `sources.handling` when present). */
export function handlingConfigOf(ctx: AppContext): HandlingRuleConfig {
  return { ...defaultHandlingConfig, ...ctx.config.sources.handling };
}

/** Every officer the handling rows name. */
function officerIds(h: HandlingRecord): (string | null)[] {
  return [
    ...h.riskAssessments.flatMap((r) => [r.assessedBy, r.confirmedBy]),
    ...h.conductSchedules.map((s) => s.recordedBy),
    ...h.taskings.map((t) => t.givenBy),
    ...h.contacts.flatMap((c) => [c.recordedBy, ...c.officerIds]),
    ...h.reports.map((r) => r.recordedBy),
    ...h.products.flatMap((p) => [p.provenance.releasedBy, ...p.recipientIds]),
    ...h.rewards.flatMap((r) => [r.requestedBy, r.decidedBy, r.paidBy]),
    ...h.handlerTasks.map((t) => t.createdBy),
    ...h.disclosures.map((d) => d.recordedBy),
  ];
}

export async function loadHandling(ctx: AppContext, tx: Tx, sourceId: string): Promise<HandlingState> {
  const source = (await findSource(tx, sourceId))!;
  const [state, handling] = await Promise.all([
    loadSourceState(ctx, tx, source),
    handlingOf(tx, [sourceId]).then((m) => m.get(sourceId)!),
  ]);
  return { state, handling };
}

/** Runs `work` on one source's handling record; answers the record after it (an audited read). */
export function onHandling(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  action: RecordAction,
  work: (tx: Tx, current: HandlingState) => Promise<void>,
): Promise<HandlingResult> {
  return withActorTx(ctx, scope, async (tx) => {
    const source = await loadVisible(scope.actor, action, 'Source', () => findSource(tx, id));
    if (action !== 'read' && action !== 'read-sensitive')
      await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, source.id)).for('update');
    await work(tx, await loadHandling(ctx, tx, source.id));
    const after = await loadHandling(ctx, tx, source.id);
    await recordAudit(tx, scope, {
      action: 'sources.handling.read',
      recordType: 'sources',
      recordId: source.id,
      fields: ['contacts', 'rewards'],
    });
    const viewer = { ...scope.actor, compartmentIds: await compartmentIdsOf(tx, scope.actor.id) };
    const named = [...officerIds(after.handling), after.state.source.createdBy];
    const officers = new Map([...after.state.officers, ...(await officersOf(tx, named))]);
    return { ...after, viewer, officers };
  });
}

/** Who may do what with a source's handling record: pure, for the abilities and the use cases. */
export interface HandlingPolicy {
  actor: Actor;
  now: Date;
}

export function rolesHeld(state: SourceState, p: HandlingPolicy) {
  return currentRolesOf(state.roles, p.actor.id, p.now);
}

function mayChange(state: SourceState, p: HandlingPolicy): boolean {
  return decide(p.actor, 'update', state.source).allowed;
}

/** A current handler or controller with the handle permission keeps the handling record. */
export function keepsHandling(state: SourceState, p: HandlingPolicy): boolean {
  const held = rolesHeld(state, p);
  return (
    mayChange(state, p) &&
    rolesGrant(p.actor.roles, 'sources:handle') &&
    (held.includes('handler') || held.includes('controller'))
  );
}

/** The source's authorising officer (current role) or the AO who granted the authorisation in force. */
export function isSourceAo(state: SourceState, p: HandlingPolicy): boolean {
  if (!mayChange(state, p) || !rolesGrant(p.actor.roles, 'sources:authorise')) return false;
  const granted = authorisationInForce(state, p.now);
  return rolesHeld(state, p).includes('authorising-officer') || granted?.decidedBy === p.actor.id;
}

/** Who may decide a reward: read in, not a handler; the controller, or an authorising officer. */
export function mayDecideRewards(state: SourceState, p: HandlingPolicy): boolean {
  if (!mayChange(state, p)) return false;
  const held = rolesHeld(state, p);
  if (held.includes('handler')) return false;
  return held.includes('controller') || rolesGrant(p.actor.roles, 'sources:authorise');
}
