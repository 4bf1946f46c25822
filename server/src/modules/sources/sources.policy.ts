import { type SourceAbilities, type SourceRole, sourceRules } from '#shared/contracts/sources';
import { canSee, decide } from '../../platform/access/policy';
import type { Actor } from '../../platform/auth/actor';
import { rolesGrant } from '../../platform/auth/permissions';
import type { AppError } from '../../platform/errors';
import {
  authorisationInForce,
  awaitsWriteUp,
  ccaState,
  currentHolders,
  isInForce,
  needsHigherLevel,
  pendingApplication,
  pendingApproachRequest,
  type SourceFacts,
  vaultAccess,
} from './source-facts';
import type {
  SourceApproachRequestRow,
  SourceAuthorisationRow,
  SourceBreakGlassRow,
  SourceCcaRow,
  SourceRenewalRow,
  SourceReviewRow,
  SourceRoleRow,
} from './sources.schema';
import { currentRolesOf, isCurrent, refuse, type SourcesRuleConfig } from './sources.rules';

// Who may do what with a source, as pure functions of the actor, the source's record and the clock.
// Need-to-know comes first (the platform's `decide`: not visible → nothing); then the module's
// permission; then the actor's roles on this very source (s.29(5)), its status and the rules. The
// same functions give the `abilities` sent with every record and the refusals of the use cases.

export interface PolicyContext {
  actor: Actor;
  now: Date;
  config: SourcesRuleConfig;
}

/** The roles the actor holds on this source now. */
export function rolesOn(facts: SourceFacts, p: PolicyContext): SourceRole[] {
  return currentRolesOf(facts.roles, p.actor.id, p.now);
}

/** A current handler or controller: who keeps the source's record day to day. */
export function keepsSource(facts: SourceFacts, p: PolicyContext): boolean {
  const held = rolesOn(facts, p);
  return held.includes('handler') || held.includes('controller');
}

/** Holds one of the s.29(5) roles: then the case is theirs, and they may not authorise it. */
export function holdsCaseRole(facts: SourceFacts, p: PolicyContext): boolean {
  return rolesOn(facts, p).some((r) => r !== 'authorising-officer');
}

export function isSeniorAo(actor: Actor, config: SourcesRuleConfig): boolean {
  return config.seniorAuthorisingOfficers.includes(actor.username);
}

export function isCcaOfficer(actor: Actor, config: SourcesRuleConfig): boolean {
  return config.ccaOfficers.includes(actor.username);
}

function mayChange(facts: SourceFacts, p: PolicyContext): boolean {
  return decide(p.actor, 'update', facts.source).allowed;
}

function handles(facts: SourceFacts, p: PolicyContext): boolean {
  return mayChange(facts, p) && rolesGrant(p.actor.roles, 'sources:handle') && keepsSource(facts, p);
}

function authorises(facts: SourceFacts, p: PolicyContext): boolean {
  return mayChange(facts, p) && rolesGrant(p.actor.roles, 'sources:authorise');
}

/**
 * Why this AO may not decide this application (or renewal) now, or null: their own case (they hold
 * a role on it), or a case needing the higher level they do not hold.
 */
export function decisionRefusal(
  facts: SourceFacts,
  application: Pick<SourceAuthorisationRow, 'expectedMaterial'>,
  p: PolicyContext,
): AppError | null {
  if (holdsCaseRole(facts, p))
    return refuse(
      sourceRules.ownCase,
      'You hold a role on this source: another authorising officer must decide.',
    );
  if (needsHigherLevel(application, facts, p.now) && !isSeniorAo(p.actor, p.config))
    return refuse(
      sourceRules.authorisationLevel,
      'A juvenile or vulnerable source, or expected confidential or privileged material, needs an authorising officer of the higher level.',
    );
  return null;
}

/** Whether a new application may be made: recruited (or authorised, none in force), nothing pending. */
export function mayApplyNow(facts: SourceFacts, now: Date): boolean {
  const { status } = facts.source;
  return (
    (status === 'recruited' || status === 'authorised') &&
    !pendingApplication(facts) &&
    !authorisationInForce(facts, now)
  );
}

const none: SourceAbilities = {
  update: false,
  readIdentity: false,
  writeIdentity: false,
  assignRoles: false,
  handOver: false,
  requestApproach: false,
  recordRecruitment: false,
  apply: false,
  applyCca: false,
  suspend: false,
  resume: false,
  cancel: false,
  close: false,
  requestBreakGlass: false,
};

/** What the actor may do with the source now: sent with it, so the web shows only what would be taken. */
export function sourceAbilitiesOf(facts: SourceFacts, p: PolicyContext): SourceAbilities {
  if (!canSee(p.actor, facts.source)) return none;
  const { status } = facts.source;
  const handle = handles(facts, p);
  const authorise = authorises(facts, p);
  const controls = handle && rolesOn(facts, p).includes('controller');
  const access = vaultAccess(facts, p.actor.id, p.now);
  const inForce = authorisationInForce(facts, p.now) !== undefined;
  const pendingBreakGlass = facts.breakGlass.some(
    (b) => b.requestedBy === p.actor.id && b.status === 'requested',
  );
  return {
    update: handle,
    readIdentity: rolesGrant(p.actor.roles, 'sources:read') && access !== null,
    writeIdentity: handle,
    assignRoles: handle,
    handOver: handle && currentHolders(facts, 'handler', p.now).length > 0,
    requestApproach: handle && status === 'prospect' && !pendingApproachRequest(facts),
    recordRecruitment: handle && status === 'approach-approved',
    apply: handle && mayApplyNow(facts, p.now),
    applyCca: handle && inForce,
    suspend: controls && status === 'authorised',
    resume: controls && status === 'suspended',
    cancel: authorise && (status === 'authorised' || status === 'suspended') && !holdsCaseRole(facts, p),
    close: controls && ['prospect', 'approach-approved', 'recruited', 'cancelled'].includes(status),
    requestBreakGlass:
      mayChange(facts, p) &&
      rolesGrant(p.actor.roles, 'sources:read') &&
      access === null &&
      !pendingBreakGlass,
  };
}

export function authorisationAbilitiesOf(facts: SourceFacts, row: SourceAuthorisationRow, p: PolicyContext) {
  const handle = canSee(p.actor, facts.source) && handles(facts, p);
  const authorise = canSee(p.actor, facts.source) && authorises(facts, p);
  const inForce = isInForce(row, p.now);
  const renewalPending = facts.renewals.some((r) => r.authorisationId === row.id && r.status === 'applied');
  return {
    decide: authorise && row.status === 'applied' && decisionRefusal(facts, row, p) === null,
    review: handle && inForce,
    renew: handle && inForce && !renewalPending,
    recordJudicialApproval:
      authorise && facts.source.type === 'undercover-officer' && (row.status === 'applied' || inForce),
    writeUp: authorise && mayWriteUp(facts, row, p),
  };
}

/** The AO who granted an urgent (oral) authorisation writes it up, once. */
export function mayWriteUp(facts: SourceFacts, row: SourceAuthorisationRow, p: PolicyContext): boolean {
  return canSee(p.actor, facts.source) && awaitsWriteUp(row) && row.decidedBy === p.actor.id;
}

/** A request to approach is decided by an authorising officer who holds no role on the case. */
export function approachRequestAbilitiesOf(
  facts: SourceFacts,
  row: SourceApproachRequestRow,
  p: PolicyContext,
) {
  const authorise = canSee(p.actor, facts.source) && authorises(facts, p);
  return {
    decide:
      authorise &&
      row.status === 'requested' &&
      facts.source.status === 'prospect' &&
      !holdsCaseRole(facts, p),
  };
}

export function reviewAbilitiesOf(facts: SourceFacts, row: SourceReviewRow, p: PolicyContext) {
  const authorise = canSee(p.actor, facts.source) && authorises(facts, p);
  return { consider: authorise && row.consideredAt === null && !holdsCaseRole(facts, p) };
}

export function renewalAbilitiesOf(facts: SourceFacts, row: SourceRenewalRow, p: PolicyContext) {
  const authorise = canSee(p.actor, facts.source) && authorises(facts, p);
  const parent = facts.authorisations.find((a) => a.id === row.authorisationId);
  return {
    decide:
      authorise &&
      row.status === 'applied' &&
      parent !== undefined &&
      decisionRefusal(facts, parent, p) === null,
  };
}

export function ccaAbilitiesOf(facts: SourceFacts, row: SourceCcaRow, p: PolicyContext) {
  const authorise = canSee(p.actor, facts.source) && authorises(facts, p);
  const outstanding = facts.notices.some((n) => n.ccaId === row.id && n.notifiedAt === null);
  return {
    decide:
      authorise && row.status === 'applied' && isCcaOfficer(p.actor, p.config) && !holdsCaseRole(facts, p),
    recordNotice: authorise && outstanding,
    renew:
      authorise &&
      ccaState(row, facts, p.now) === 'granted' &&
      isCcaOfficer(p.actor, p.config) &&
      !holdsCaseRole(facts, p),
    cancel: authorise && ccaState(row, facts, p.now) === 'granted',
  };
}

/** A break-glass request is decided by the source's current controller or AO, never its requester. */
export function mayDecideBreakGlass(facts: SourceFacts, row: SourceBreakGlassRow, p: PolicyContext): boolean {
  const held = rolesOn(facts, p);
  return (
    canSee(p.actor, facts.source) &&
    mayChange(facts, p) &&
    row.status === 'requested' &&
    row.requestedBy !== p.actor.id &&
    (held.includes('controller') || held.includes('authorising-officer'))
  );
}

export function roleAbilitiesOf(facts: SourceFacts, row: SourceRoleRow, p: PolicyContext) {
  return { end: canSee(p.actor, facts.source) && handles(facts, p) && isCurrent(row, p.now) };
}
