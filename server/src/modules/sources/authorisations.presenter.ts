import type { AuthorisationView, CcaView, OfficerRef } from '#shared/contracts/sources';
import {
  authorisationState,
  ccaState,
  isInForce,
  isReviewOverdue,
  writeUpDueAt,
  needsHigherLevel,
  type SourceFacts,
} from './source-facts';
import {
  authorisationAbilitiesOf,
  ccaAbilitiesOf,
  type PolicyContext,
  renewalAbilitiesOf,
  reviewAbilitiesOf,
} from './sources.policy';
import type { SourceAuthorisationRow, SourceCcaRenewalRow, SourceCcaRow } from './sources.schema';

// Authorisations and CCAs → their views, field by field, with the actor's abilities on each.

export type OfficerOf = (id: string) => OfficerRef;
export const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

export function presentAuthorisation(
  facts: SourceFacts,
  row: SourceAuthorisationRow,
  officer: OfficerOf,
  p: PolicyContext,
): AuthorisationView {
  const maybeOfficer = (id: string | null) => (id ? officer(id) : null);
  return {
    id: row.id,
    state: authorisationState(row, p.now),
    inForce: isInForce(row, p.now),
    ground: row.ground,
    necessity: row.necessity,
    proportionality: row.proportionality,
    purpose: row.purpose,
    operation: row.operation,
    conduct: row.conduct,
    collateralIntrusion: row.collateralIntrusion,
    collateralJustification: row.collateralJustification,
    expectedMaterial: row.expectedMaterial,
    materialDetails: row.materialDetails,
    urgency: row.urgency,
    urgencyReason: row.urgencyReason,
    againstParent: row.againstParent,
    appliedAt: row.appliedAt.toISOString(),
    appliedBy: officer(row.appliedBy),
    authorisingOfficer: maybeOfficer(row.authorisingOfficerId),
    higherLevel:
      row.status === 'applied'
        ? needsHigherLevel(row, facts, p.now)
        : row.juvenileAtGrant || row.vulnerableAtGrant || row.expectedMaterial !== 'none',
    decidedAt: iso(row.decidedAt),
    decidedBy: maybeOfficer(row.decidedBy),
    decisionReasons: row.decisionReasons,
    grantedAt: iso(row.grantedAt),
    expiresAt: iso(row.expiresAt),
    juvenileAtGrant: row.juvenileAtGrant,
    vulnerableAtGrant: row.vulnerableAtGrant,
    reviewEveryDays: row.reviewEveryDays,
    nextReviewDue: iso(row.nextReviewDue),
    reviewOverdue: isReviewOverdue(row, p.now),
    cancelledAt: iso(row.cancelledAt),
    cancelledBy: maybeOfficer(row.cancelledBy),
    cancellationReason: row.cancellationReason,
    writeUpDueAt: iso(writeUpDueAt(row, p.config)),
    writtenUpAt: iso(row.writtenUpAt),
    writtenUpBy: maybeOfficer(row.writtenUpBy),
    writeUp: row.writeUp,
    renewals: facts.renewals
      .filter((r) => r.authorisationId === row.id)
      .map((r) => ({
        id: r.id,
        authorisationId: r.authorisationId,
        state: r.status,
        justification: r.justification,
        appliedAt: r.appliedAt.toISOString(),
        appliedBy: officer(r.appliedBy),
        decidedAt: iso(r.decidedAt),
        decidedBy: maybeOfficer(r.decidedBy),
        reasons: r.reasons,
        previousExpiry: iso(r.previousExpiry),
        newExpiry: iso(r.newExpiry),
        abilities: renewalAbilitiesOf(facts, r, p),
      })),
    reviews: facts.reviews
      .filter((r) => r.authorisationId === row.id)
      .map((r) => ({
        id: r.id,
        authorisationId: r.authorisationId,
        useMade: r.useMade,
        tasks: r.tasks,
        information: r.information,
        welfare: r.welfare,
        submittedAt: r.submittedAt.toISOString(),
        submittedBy: officer(r.submittedBy),
        consideredAt: iso(r.consideredAt),
        consideredBy: maybeOfficer(r.consideredBy),
        reasons: r.reasons,
        abilities: reviewAbilitiesOf(facts, r, p),
      })),
    judicialApprovals: facts.judicialApprovals
      .filter((a) => a.authorisationId === row.id)
      .map((a) => ({
        id: a.id,
        approvedOn: a.approvedOn,
        reference: a.reference,
        recordedAt: a.recordedAt.toISOString(),
        recordedBy: officer(a.recordedBy),
      })),
    abilities: authorisationAbilitiesOf(facts, row, p),
  };
}

export function presentCca(
  facts: SourceFacts,
  row: SourceCcaRow,
  officer: OfficerOf,
  p: PolicyContext,
  renewals: readonly SourceCcaRenewalRow[] = [],
): CcaView {
  const state = ccaState(row, facts, p.now);
  return {
    id: row.id,
    authorisationId: row.authorisationId,
    state,
    inForce: state === 'granted',
    conduct: row.conduct,
    grounds: row.grounds,
    necessity: row.necessity,
    proportionality: row.proportionality,
    exceptionalCircumstances: row.exceptionalCircumstances,
    bestInterests: row.bestInterests,
    noForeseeableHarm: row.noForeseeableHarm,
    appliedAt: row.appliedAt.toISOString(),
    appliedBy: officer(row.appliedBy),
    decidedAt: iso(row.decidedAt),
    decidedBy: row.decidedBy ? officer(row.decidedBy) : null,
    reasons: row.reasons,
    grantedAt: iso(row.grantedAt),
    expiresAt: iso(row.expiresAt),
    cancelledAt: iso(row.cancelledAt),
    cancellationReason: row.cancellationReason,
    notices: facts.notices
      .filter((n) => n.ccaId === row.id)
      .map((n) => ({
        id: n.id,
        event: n.event,
        eventAt: n.eventAt.toISOString(),
        dueAt: n.dueAt.toISOString(),
        notifiedAt: iso(n.notifiedAt),
        reference: n.reference,
      })),
    renewals: renewals
      .filter((r) => r.ccaId === row.id)
      .map((r) => ({
        id: r.id,
        renewedAt: r.renewedAt.toISOString(),
        renewedBy: officer(r.renewedBy),
        reasons: r.reasons,
        previousExpiry: r.previousExpiry.toISOString(),
        newExpiry: r.newExpiry.toISOString(),
      })),
    abilities: ccaAbilitiesOf(facts, row, p),
  };
}
