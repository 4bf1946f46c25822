import type { OfficerRef, SourceAlertView, SourceSummaryView, SourceView } from '#shared/contracts/sources';
import { type OfficerOf, iso, presentAuthorisation, presentCca } from './authorisations.presenter';
import {
  type ComputedAlert,
  computedAlerts,
  currentHolders,
  deploymentPeriods,
  type SourceFacts,
  sourceFlags,
} from './source-facts';
import type { SourceState } from './source-state';
import {
  approachRequestAbilitiesOf,
  mayDecideBreakGlass,
  type PolicyContext,
  roleAbilitiesOf,
  sourceAbilitiesOf,
} from './sources.policy';
import { deploymentDays, isCurrent, operationKey } from './sources.rules';
import type { SourceRow } from './sources.schema';

// Source records → JSON, field by field: never a spread row, so a column added later (the vault's
// ciphertext, who made it) is not sent until someone decides it should be. The actor's abilities
// ride along on the source and on each record under it. Nothing here reads the vault: the date of
// birth is in the facts only as the flags it gives.

function officerLookup(officers: Map<string, OfficerRef>): OfficerOf {
  return (id) => officers.get(id) ?? { id, displayName: 'Unknown officer' };
}

export function presentAlert(source: SourceRow, alert: ComputedAlert): SourceAlertView {
  return {
    kind: alert.kind,
    sourceId: source.id,
    urn: source.urn,
    pseudonym: source.pseudonym,
    subjectId: alert.subjectId,
    at: alert.at.toISOString(),
    message: alert.message,
  };
}

/** A source as the register lists it. */
export function presentSourceSummary(
  facts: SourceFacts,
  officers: Map<string, OfficerRef>,
  p: PolicyContext,
): SourceSummaryView {
  const { source } = facts;
  const officer = officerLookup(officers);
  return {
    id: source.id,
    urn: source.urn,
    pseudonym: source.pseudonym,
    type: source.type,
    status: source.status,
    classification: source.classification,
    caveats: source.caveats,
    compartmentId: source.compartmentId,
    flags: sourceFlags(facts, p.now, p.config),
    expiresAt: iso(source.expiresAt),
    nextReviewDue: iso(source.nextReviewDue),
    handlers: currentHolders(facts, 'handler', p.now).map((r) => officer(r.userId)),
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
    abilities: sourceAbilitiesOf(facts, p),
  };
}

/**
 * An undercover officer's cumulative deployment per operation (SI 2013/2788): days in force, whether
 * it is long-term (beyond the configured months, a month counted as 365.25 / 12 days), and whether a
 * Judicial Commissioner's approval is recorded on an authorisation for that operation.
 */
function deploymentsOf(state: SourceState, p: PolicyContext): SourceView['deployments'] {
  const limitDays = p.config.longTermUndercoverMonths * (365.25 / 12);
  return [...deploymentDays(deploymentPeriods(state, p.now))].map(([operation, days]) => {
    const approvals = state.judicialApprovals.filter((j) =>
      state.authorisations.some((a) => a.id === j.authorisationId && operationKey(a.operation) === operation),
    );
    const last = approvals.at(-1);
    return {
      operation,
      days,
      longTerm: days > limitDays,
      judicialApproval: last ? { approvedOn: last.approvedOn, reference: last.reference } : null,
    };
  });
}

/** A source with everything its page shows. */
export function presentSource(state: SourceState, p: PolicyContext): SourceView {
  const officer = officerLookup(state.officers);
  const { source } = state;
  const deployments = source.type === 'undercover-officer' ? deploymentsOf(state, p) : [];
  return {
    ...presentSourceSummary(state, state.officers, p),
    roles: state.roles.map((r) => ({
      id: r.id,
      role: r.role,
      officer: officer(r.userId),
      from: r.fromAt.toISOString(),
      to: iso(r.toAt),
      current: isCurrent(r, p.now),
      handedOverFromId: r.handedOverFromId,
      endReason: r.endReason,
      abilities: roleAbilitiesOf(state, r, p),
    })),
    authorities: state.authorities.map((a) => ({
      id: a.id,
      authority: a.authority,
      reference: a.reference,
      addedAt: a.addedAt.toISOString(),
    })),
    approach: state.approach
      ? {
          approvedAt: state.approach.approvedAt.toISOString(),
          approvedBy: officer(state.approach.approvedBy),
          approachingOfficer: officer(state.approach.approachingOfficerId),
          rationale: state.approach.rationale,
          risk: state.approach.risk,
          bonaFides: state.approach.bonaFides,
        }
      : null,
    approachRequests: state.approachRequests.map((r) => ({
      id: r.id,
      state: r.status,
      approachingOfficer: officer(r.approachingOfficerId),
      rationale: r.rationale,
      risk: r.risk,
      bonaFides: r.bonaFides,
      requestedAt: r.requestedAt.toISOString(),
      requestedBy: officer(r.requestedBy),
      decidedAt: iso(r.decidedAt),
      decidedBy: r.decidedBy ? officer(r.decidedBy) : null,
      reasons: r.reasons,
      abilities: approachRequestAbilitiesOf(state, r, p),
    })),
    recruitment: state.recruitment
      ? {
          recruitedOn: state.recruitment.recruitedOn,
          circumstances: state.recruitment.circumstances,
          motivation: state.recruitment.motivation,
          volunteers: state.recruitment.volunteers,
          recordedAt: state.recruitment.recordedAt.toISOString(),
          recordedBy: officer(state.recruitment.recordedBy),
        }
      : null,
    assessments: state.assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      summary: a.summary,
      vulnerable: a.vulnerable,
      explainedToSource: a.explainedToSource,
      assessedAt: a.assessedAt.toISOString(),
      assessedBy: officer(a.assessedBy),
    })),
    authorisations: [...state.authorisations]
      .reverse()
      .map((a) => presentAuthorisation(state, a, officer, p)),
    ccas: [...state.ccas].reverse().map((c) => presentCca(state, c, officer, p, state.ccaRenewals)),
    breakGlass: state.breakGlass.map((b) => ({
      id: b.id,
      requestedBy: officer(b.requestedBy),
      requestedAt: b.requestedAt.toISOString(),
      reason: b.reason,
      state: b.status === 'approved' && b.expiresAt && p.now >= b.expiresAt ? ('expired' as const) : b.status,
      decidedBy: b.decidedBy ? officer(b.decidedBy) : null,
      decidedAt: iso(b.decidedAt),
      reasons: b.reasons,
      expiresAt: iso(b.expiresAt),
      abilities: { decide: mayDecideBreakGlass(state, b, p) },
    })),
    alerts: computedAlerts(state, p.now, p.config).map((a) => presentAlert(source, a)),
    deployments,
    closedReason: source.status === 'closed' ? source.statusReason : null,
  };
}
