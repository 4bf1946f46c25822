import type { AlertKind, SourceFlags, SourceRole } from '#shared/contracts/sources';
import type {
  SourceAlertRow,
  SourceApproachRequestRow,
  SourceAssessmentRow,
  SourceAuthorisationRow,
  SourceBreakGlassRow,
  SourceCcaNoticeRow,
  SourceCcaRow,
  SourceJudicialApprovalRow,
  SourceRenewalRow,
  SourceReviewRow,
  SourceRoleRow,
  SourceRow,
} from './sources.schema';
import {
  addDays,
  addHours,
  type DeploymentPeriod,
  isCurrent,
  isJuvenile,
  isUnder16,
  type SourcesRuleConfig,
} from './sources.rules';

// What a source's record says at an instant: pure functions over its rows and the clock, shared by
// the policy (abilities), the presenter (flags), the use cases (rules) and the alerts.

/** What the vault tells the rules without opening the identity: recorded or not, and the date of birth. */
export interface IdentityFacts {
  recorded: boolean;
  appropriateAdultRecorded: boolean;
  /** Decrypted in the use case's transaction; never sent, logged or stored in clear. */
  dateOfBirth: string | null;
}

/** A source and every row the rules read. */
export interface SourceFacts {
  source: SourceRow;
  roles: SourceRoleRow[];
  /** Requests to approach the prospect, oldest first (decided or waiting). */
  approachRequests: SourceApproachRequestRow[];
  authorisations: SourceAuthorisationRow[];
  renewals: SourceRenewalRow[];
  reviews: SourceReviewRow[];
  judicialApprovals: SourceJudicialApprovalRow[];
  ccas: SourceCcaRow[];
  notices: SourceCcaNoticeRow[];
  assessments: SourceAssessmentRow[];
  breakGlass: SourceBreakGlassRow[];
  eventAlerts: SourceAlertRow[];
  identity: IdentityFacts;
}

export type AuthorisationState = 'applied' | 'granted' | 'refused' | 'cancelled' | 'expired';

/** A granted authorisation whose expiry has passed is `expired` (it ceased to have effect, s.43(3)). */
export function authorisationState(
  row: Pick<SourceAuthorisationRow, 'status' | 'expiresAt'>,
  now: Date,
): AuthorisationState {
  if (row.status === 'granted' && row.expiresAt && now >= row.expiresAt) return 'expired';
  return row.status;
}

export function isInForce(row: Pick<SourceAuthorisationRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return authorisationState(row, now) === 'granted';
}

/** The authorisation in force, if any (at most one: a new grant needs none in force). */
export function authorisationInForce(facts: SourceFacts, now: Date): SourceAuthorisationRow | undefined {
  return facts.authorisations.find((a) => isInForce(a, now));
}

/** The latest authorisation ever granted (in force, expired or cancelled). */
export function lastGranted(facts: SourceFacts): SourceAuthorisationRow | undefined {
  return facts.authorisations
    .filter((a) => a.grantedAt)
    .sort((a, b) => a.grantedAt!.getTime() - b.grantedAt!.getTime())
    .at(-1);
}

/** The request to approach the prospect that waits for an AO's decision, if any (at most one). */
export function pendingApproachRequest(facts: SourceFacts): SourceApproachRequestRow | undefined {
  return facts.approachRequests.find((r) => r.status === 'requested');
}

export function pendingApplication(facts: SourceFacts): SourceAuthorisationRow | undefined {
  return facts.authorisations.find((a) => a.status === 'applied');
}

/** A CCA is in force while granted, unexpired and its source authorisation is in force. */
export function ccaState(cca: SourceCcaRow, facts: SourceFacts, now: Date): AuthorisationState {
  const state = authorisationState(cca, now);
  if (state !== 'granted') return state;
  const parent = facts.authorisations.find((a) => a.id === cca.authorisationId);
  return parent && isInForce(parent, now) ? 'granted' : 'expired';
}

export function currentHolders(facts: SourceFacts, role: SourceRole, now: Date): SourceRoleRow[] {
  return facts.roles.filter((r) => r.role === role && isCurrent(r, now));
}

/** s.29(5): an authorisation in force without a current handler or controller has lapsed arrangements. */
export function arrangementsLapsed(facts: SourceFacts, now: Date): boolean {
  if (!authorisationInForce(facts, now)) return false;
  return (
    currentHolders(facts, 'handler', now).length === 0 ||
    currentHolders(facts, 'controller', now).length === 0
  );
}

export function isReviewOverdue(
  row: Pick<SourceAuthorisationRow, 'status' | 'expiresAt' | 'nextReviewDue'>,
  now: Date,
): boolean {
  return isInForce(row, now) && row.nextReviewDue !== null && now > row.nextReviewDue;
}

function isExpiringSoon(row: SourceAuthorisationRow, now: Date, config: SourcesRuleConfig): boolean {
  return (
    isInForce(row, now) && row.expiresAt !== null && row.expiresAt <= addDays(now, config.expiryWarningDays)
  );
}

/** The flags of LAW.md §1, derived, never typed in. */
export function sourceFlags(facts: SourceFacts, now: Date, config: SourcesRuleConfig): SourceFlags {
  const current = authorisationInForce(facts, now);
  const dob = facts.identity.dateOfBirth;
  return {
    juvenile: isJuvenile(dob, now),
    under16: isUnder16(dob, now),
    vulnerable: facts.source.vulnerable,
    ccaInForce: facts.ccas.some((c) => ccaState(c, facts, now) === 'granted'),
    arrangementsLapsed: arrangementsLapsed(facts, now),
    reviewOverdue: current !== undefined && isReviewOverdue(current, now),
    expiringSoon: current !== undefined && isExpiringSoon(current, now, config),
    authorisationInForce: current !== undefined,
    identityRecorded: facts.identity.recorded,
    appropriateAdultRecorded: facts.identity.appropriateAdultRecorded,
  };
}

const vaultRoles: readonly SourceRole[] = ['handler', 'controller', 'authorising-officer'];

/**
 * How `userId` may open the vault now: by a current role (handler, controller, AO), by an approved
 * break-glass still inside its time box, or not at all.
 */
export function vaultAccess(facts: SourceFacts, userId: string, now: Date): 'role' | 'break-glass' | null {
  if (facts.roles.some((r) => r.userId === userId && vaultRoles.includes(r.role) && isCurrent(r, now)))
    return 'role';
  const open = facts.breakGlass.some(
    (b) => b.requestedBy === userId && b.status === 'approved' && b.expiresAt !== null && now < b.expiresAt,
  );
  return open ? 'break-glass' : null;
}

/** The application needs the higher authorisation level: a juvenile, a vulnerable source, privileged or confidential material. */
export function needsHigherLevel(
  application: Pick<SourceAuthorisationRow, 'expectedMaterial'>,
  facts: SourceFacts,
  now: Date,
): boolean {
  return (
    isJuvenile(facts.identity.dateOfBirth, now) ||
    facts.source.vulnerable ||
    application.expectedMaterial !== 'none'
  );
}

/** When the authorisation was last granted or renewed: a renewal's review must come after it. */
export function lastGrantOrRenewalAt(facts: SourceFacts, authorisation: SourceAuthorisationRow): Date | null {
  const renewed = facts.renewals
    .filter((r) => r.authorisationId === authorisation.id && r.status === 'granted' && r.decidedAt)
    .map((r) => r.decidedAt!.getTime());
  const times = [...renewed, ...(authorisation.grantedAt ? [authorisation.grantedAt.getTime()] : [])];
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** s.43(6)-(7): a review of use, tasks and information submitted since the last grant or renewal. */
export function hasReviewSinceLastGrant(facts: SourceFacts, authorisation: SourceAuthorisationRow): boolean {
  const since = lastGrantOrRenewalAt(facts, authorisation);
  return facts.reviews.some(
    (r) => r.authorisationId === authorisation.id && since !== null && r.submittedAt >= since,
  );
}

/** A Judicial Commissioner's approval recorded for this authorisation since `since` (or ever). */
export function hasJudicialApprovalSince(
  facts: SourceFacts,
  authorisationId: string,
  since: Date | null,
): boolean {
  return facts.judicialApprovals.some(
    (a) => a.authorisationId === authorisationId && (since === null || a.recordedAt >= since),
  );
}

/** Every period the source (an undercover officer) was deployed under an authorisation, up to `now`. */
export function deploymentPeriods(facts: SourceFacts, now: Date): DeploymentPeriod[] {
  return facts.authorisations
    .filter((a) => a.grantedAt)
    .map((a) => {
      const end = a.cancelledAt ?? a.expiresAt ?? now;
      return { operation: a.operation, from: a.grantedAt!, to: end < now ? end : now };
    });
}

/** The latest enhanced risk assessment (SI 2000/2793 art. 5), if any. */
export function latestAssessment(facts: SourceFacts, kind: SourceAssessmentRow['kind']) {
  return facts.assessments.filter((a) => a.kind === kind).at(-1);
}

/**
 * When an urgent (oral) grant's written record is due (LAW.md §1: "then written up"): the configured
 * hours after the grant (72 by default). Null for a routine application or one never granted.
 */
export function writeUpDueAt(
  row: Pick<SourceAuthorisationRow, 'urgency' | 'grantedAt'>,
  config: Pick<SourcesRuleConfig, 'writeUpHours'>,
): Date | null {
  if (row.urgency !== 'urgent' || !row.grantedAt) return null;
  return addHours(row.grantedAt, config.writeUpHours);
}

/** An urgent grant whose written record is still missing. */
export function awaitsWriteUp(row: SourceAuthorisationRow): boolean {
  return row.urgency === 'urgent' && row.grantedAt !== null && row.writtenUpAt === null;
}

export interface ComputedAlert {
  kind: AlertKind;
  subjectId: string | null;
  at: Date;
  message: string;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The compliance alerts of one source (LAW.md §1): expiry within the warning period, an expired
 * authorisation on a source still marked authorised, overdue reviews, CCA notices not yet given,
 * lapsed arrangements, and the alerts raised by events. Oldest first.
 */
export function computedAlerts(facts: SourceFacts, now: Date, config: SourcesRuleConfig): ComputedAlert[] {
  const alerts: ComputedAlert[] = [];
  const current = authorisationInForce(facts, now);
  if (current?.expiresAt && isExpiringSoon(current, now, config))
    alerts.push({
      kind: 'authorisation-expiring',
      subjectId: current.id,
      at: current.expiresAt,
      message: `The authorisation expires on ${day(current.expiresAt)}: renew it (after a review) or let it end.`,
    });
  if (current?.nextReviewDue && isReviewOverdue(current, now))
    alerts.push({
      kind: 'review-overdue',
      subjectId: current.id,
      at: current.nextReviewDue,
      message: `A review was due on ${day(current.nextReviewDue)}.`,
    });
  const last = lastGranted(facts);
  if (!current && last?.expiresAt && authorisationState(last, now) === 'expired')
    if (facts.source.status === 'authorised' || facts.source.status === 'suspended')
      alerts.push({
        kind: 'authorisation-expired',
        subjectId: last.id,
        at: last.expiresAt,
        message: `The authorisation ceased to have effect on ${day(last.expiresAt)}: the source is not authorised.`,
      });
  for (const notice of facts.notices.filter((n) => n.notifiedAt === null))
    alerts.push({
      kind: 'cca-notice-due',
      subjectId: notice.ccaId,
      at: notice.dueAt,
      message: `Written notice to a Judicial Commissioner of the criminal conduct authorisation's ${notice.event} ${now > notice.dueAt ? 'was' : 'is'} due by ${day(notice.dueAt)}.`,
    });
  for (const a of facts.authorisations.filter(awaitsWriteUp)) {
    const due = writeUpDueAt(a, config)!;
    alerts.push({
      kind: 'write-up-due',
      subjectId: a.id,
      at: due,
      message: `The urgent oral grant of ${day(a.grantedAt!)} is not written up: the written record ${now > due ? 'was' : 'is'} due by ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    });
  }
  if (current && arrangementsLapsed(facts, now)) {
    const ended = facts.roles
      .filter((r) => (r.role === 'handler' || r.role === 'controller') && r.toAt && r.toAt <= now)
      .map((r) => r.toAt!.getTime());
    alerts.push({
      kind: 'arrangements-lapsed',
      subjectId: current.id,
      at: new Date(Math.max(current.grantedAt!.getTime(), ...ended)),
      message:
        'The source has no current handler or controller: the authorisation must be cancelled (RIPA s.45).',
    });
  }
  for (const event of facts.eventAlerts)
    alerts.push({ kind: event.kind, subjectId: event.subjectId, at: event.at, message: event.message });
  return alerts.sort((a, b) => a.at.getTime() - b.at.getTime());
}
