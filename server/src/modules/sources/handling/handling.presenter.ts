import type {
  ContactView,
  HandlerTaskView,
  HandlingView,
  ProductView,
  RiskAssessmentView,
} from '#shared/contracts/sources-handling';
import type { OfficerRef } from '#shared/contracts/sources';
import { type HandlingResult, isSourceAo, keepsHandling, mayDecideRewards } from './handling-state';
import { admiraltyOf, gradingCode } from './handling.rules';
import type {
  SourceContactRow,
  SourceHandlerTaskRow,
  SourceProductRow,
  SourceRewardRow,
  SourceRiskAssessmentRow,
} from './handling.schema';

// Rows → the handling views, field by field (never by spreading a row).

type Officers = Map<string, OfficerRef>;
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function officerOf(officers: Officers, id: string): OfficerRef {
  return officers.get(id) ?? { id, displayName: 'Unknown officer' };
}

export function presentRiskAssessment(
  r: SourceRiskAssessmentRow,
  officers: Officers,
  now: Date,
): RiskAssessmentView {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    security: r.security,
    welfare: r.welfare,
    physicalWelfare: r.physicalWelfare,
    psychologicalWelfare: r.psychologicalWelfare,
    conductCovered: r.conductCovered,
    reviewBy: iso(r.reviewBy),
    overdue: now > r.reviewBy,
    correctsId: r.correctsId,
    correctionReason: r.correctionReason,
    assessedBy: officerOf(officers, r.assessedBy),
    assessedAt: iso(r.assessedAt),
    confirmation:
      r.confirmedBy && r.confirmedAt
        ? {
            by: officerOf(officers, r.confirmedBy),
            at: iso(r.confirmedAt),
            explainedToSource: r.explainedToSource ?? false,
            understoodBySource: r.understoodBySource ?? false,
            notes: r.confirmationNotes,
          }
        : null,
  };
}

export function presentTask(t: SourceHandlerTaskRow, now: Date): HandlerTaskView {
  return {
    id: t.id,
    trigger: t.trigger,
    details: t.details,
    dueAt: iso(t.dueAt),
    createdAt: iso(t.createdAt),
    doneAt: isoOrNull(t.doneAt),
    overdue: t.doneAt === null && now > t.dueAt,
  };
}

export function presentContact(c: SourceContactRow, officers: Officers): ContactView {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    plannedAt: iso(c.plannedAt),
    occurredAt: isoOrNull(c.occurredAt),
    location: c.location,
    coverStory: c.coverStory,
    safetyArrangements: c.safetyArrangements,
    fallbackContact: c.fallbackContact,
    officers: c.officerIds.map((id) => officerOf(officers, id)),
    otherAttendees: c.otherAttendees,
    appropriateAdult: c.appropriateAdult,
    summary: c.summary,
    outcome: c.outcome,
    welfareNotes: c.welfareNotes,
    flag: c.flag,
    recordedBy: officerOf(officers, c.recordedBy),
  };
}

export function presentProduct(p: SourceProductRow, officers: Officers): ProductView {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    text: p.text,
    classification: p.classification,
    caveats: p.caveats,
    handling: p.handling,
    handlingConditions: p.handlingConditions,
    grading: p.grading,
    recipients: p.recipientIds.map((id) => officerOf(officers, id)),
    releasedAt: iso(p.releasedAt),
  };
}

/** Running totals (reg. 3(n)): paid over the life and per year of payment; approved not yet paid; offers. */
export function rewardTotals(rewards: readonly SourceRewardRow[]): HandlingView['rewardTotals'] {
  const paid = rewards.filter((r) => r.state === 'paid' && r.kind !== 'offer');
  const years = new Map<number, number>();
  for (const r of paid) {
    const year = (r.paidAt ?? r.requestedAt).getUTCFullYear();
    years.set(year, (years.get(year) ?? 0) + r.amountPence);
  }
  const sum = (rows: readonly SourceRewardRow[]) => rows.reduce((n, r) => n + r.amountPence, 0);
  return {
    paidPence: sum(paid),
    approvedUnpaidPence: sum(rewards.filter((r) => r.state === 'approved' && r.kind !== 'offer')),
    offeredPence: sum(rewards.filter((r) => r.kind === 'offer' && r.state !== 'refused')),
    byYear: [...years].sort((a, b) => a[0] - b[0]).map(([year, paidPence]) => ({ year, paidPence })),
  };
}

/** One source's handling record for the actor, with their abilities on it. */
export function presentHandling(result: HandlingResult, now: Date): HandlingView {
  const { state, handling: h, officers } = result;
  const p = { actor: result.viewer, now };
  const keeps = keepsHandling(state, p);
  return {
    sourceId: state.source.id,
    abilities: {
      assess: keeps,
      confirmAssessment: isSourceAo(state, p),
      task: keeps && state.source.status === 'authorised',
      contact: keeps,
      report: keeps,
      disseminate: keeps && h.reports.length > 0,
      requestReward: keeps && state.source.type !== 'undercover-officer',
      decideReward: mayDecideRewards(state, p) && h.rewards.some((r) => r.state === 'requested'),
    },
    riskAssessments: h.riskAssessments.map((r) => presentRiskAssessment(r, officers, now)),
    conductSchedules: h.conductSchedules.map((s) => ({
      id: s.id,
      authorisationId: s.authorisationId,
      categories: s.categories,
      notes: s.notes,
      recordedBy: officerOf(officers, s.recordedBy),
      recordedAt: iso(s.recordedAt),
    })),
    taskings: h.taskings.map((t) => ({
      id: t.id,
      authorisationId: t.authorisationId,
      conduct: t.conduct,
      description: t.description,
      dueBy: t.dueBy,
      givenBy: officerOf(officers, t.givenBy),
      givenAt: iso(t.givenAt),
    })),
    handlerTasks: h.handlerTasks.map((t) => presentTask(t, now)),
    contacts: h.contacts.map((c) => presentContact(c, officers)),
    reports: h.reports.map((r) => ({
      id: r.id,
      contactId: r.contactId,
      reportedAt: iso(r.reportedAt),
      report: r.report,
      grading: {
        sourceEvaluation: r.sourceEvaluation,
        intelligenceGrade: r.intelligenceGrade,
        handling: r.handling,
        handlingConditions: r.handlingConditions,
        code: gradingCode(r.sourceEvaluation, r.intelligenceGrade, r.handling),
        admiralty: admiraltyOf(r.sourceEvaluation, r.intelligenceGrade),
      },
      recordedBy: officerOf(officers, r.recordedBy),
      recordedAt: iso(r.recordedAt),
    })),
    products: h.products.map((p) => ({
      ...presentProduct(p, officers),
      reportId: p.provenance.reportId,
      releasedBy: officerOf(officers, p.provenance.releasedBy),
    })),
    rewards: h.rewards.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      amountPence: r.amountPence,
      description: r.description,
      needsController: r.needsController,
      requestedBy: officerOf(officers, r.requestedBy),
      requestedAt: iso(r.requestedAt),
      decidedBy: r.decidedBy ? officerOf(officers, r.decidedBy) : null,
      decidedAt: isoOrNull(r.decidedAt),
      reasons: r.reasons,
      paidAt: isoOrNull(r.paidAt),
      receiptReference: r.receiptReference,
    })),
    rewardTotals: rewardTotals(h.rewards),
    disclosures: h.disclosures.map((d) => ({
      id: d.id,
      person: d.person,
      relationship: d.relationship,
      disclosedOn: d.disclosedOn,
      advice: d.advice,
      recordedBy: officerOf(officers, d.recordedBy),
      recordedAt: iso(d.recordedAt),
    })),
  };
}
