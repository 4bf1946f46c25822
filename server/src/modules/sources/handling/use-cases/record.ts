import type {
  CompletenessView,
  Particular,
  ParticularState,
  TimelineView,
} from '#shared/contracts/sources-handling';
import type { AppContext } from '../../../../app-context';
import type { UserScope } from '../../../../platform/request-scope';
import type { HandlingRecord } from '../handling.repo';
import { type HandlingResult, onHandling } from '../handling-state';
import { officerOf } from '../handling.presenter';
import type { SourceState } from '../../source-state';

/** One source's handling record (an audited read: contacts and rewards). */
export function readHandling(ctx: AppContext, scope: UserScope, id: string): Promise<HandlingResult> {
  return onHandling(ctx, scope, id, 'read', async () => {});
}

const titles: Record<Particular, string> = {
  a: 'True identity',
  b: 'Identities used',
  c: 'Other investigating authorities',
  d: 'How each authority refers to the source',
  e: 'Security and welfare',
  f: "Authorising officer's confirmation of the risks",
  g: 'Date and circumstances of recruitment',
  h: 'Handlers, controllers and record keepers',
  i: 'Periods each role was held',
  j: 'Tasks and demands',
  k: 'Contacts and communications',
  l: 'Information obtained',
  m: 'Disseminations',
  n: 'Payments, benefits, rewards and offers',
};

type Entry = { state: ParticularState; count: number; recordedAt: string };
const present = (count: number, recordedAt: string, otherwise: ParticularState = 'missing'): Entry => ({
  state: count > 0 ? 'present' : otherwise,
  count,
  recordedAt,
});

/**
 * The completeness of the source's record (SI 2000/2725 reg. 3 (a)–(n)): each particular present,
 * missing or not applicable, and where it is recorded. Not applicable: (c) when no other authority
 * is involved, (g) before recruitment, (j) and (l) before any grant, (m) with nothing obtained, (n)
 * for an undercover officer (reg. 3(n) applies to other sources).
 */
export function completenessOf(state: SourceState, h: HandlingRecord): CompletenessView {
  const granted = state.authorisations.some((a) => a.grantedAt !== null);
  const notRecruited = ['prospect', 'approach-approved'].includes(state.source.status);
  const latestRisk = h.riskAssessments.at(-1);
  const identity = state.identity.recorded ? 1 : 0;
  const entries: Record<Particular, Entry> = {
    a: present(identity, 'identity'),
    b: present(identity, 'identity'),
    c: present(state.authorities.length, 'authorities', 'not-applicable'),
    d: { state: 'present', count: 1 + state.authorities.length, recordedAt: 'overview' },
    e: present(h.riskAssessments.length, 'handling/risk'),
    f: present(latestRisk?.confirmedAt ? 1 : 0, 'handling/risk'),
    g: present(state.recruitment ? 1 : 0, 'recruitment', notRecruited ? 'not-applicable' : 'missing'),
    h: present(state.roles.length, 'roles'),
    i: present(state.roles.length, 'roles'),
    j: present(h.taskings.length, 'handling/taskings', granted ? 'missing' : 'not-applicable'),
    k: present(h.contacts.length, 'handling/contacts', notRecruited ? 'not-applicable' : 'missing'),
    l: present(h.reports.length, 'handling/intelligence', granted ? 'missing' : 'not-applicable'),
    m: present(h.products.length, 'handling/products', h.reports.length > 0 ? 'missing' : 'not-applicable'),
    n:
      state.source.type === 'undercover-officer'
        ? { state: 'not-applicable', count: 0, recordedAt: 'handling/rewards' }
        : present(h.rewards.length, 'handling/rewards'),
  };
  const particulars = (Object.keys(titles) as Particular[]).map((p) => ({
    particular: p,
    title: titles[p],
    ...entries[p],
  }));
  return {
    sourceId: state.source.id,
    complete: particulars.every((p) => p.state !== 'missing'),
    particulars,
  };
}

type Item = TimelineView['items'][number];

/** The whole life in order: approval, recruitment, authorisations, roles, handling, reviews, cancellation. */
export function timelineOf(result: HandlingResult): TimelineView {
  const { state, handling: h, officers } = result;
  const items: (Omit<Item, 'at' | 'by'> & { at: Date; by: string | null })[] = [];
  const add = (
    at: Date | null,
    kind: string,
    title: string,
    by: string | null,
    subjectId: string | null = null,
  ) => {
    if (at) items.push({ at, kind, title, by, subjectId });
  };
  add(
    state.source.createdAt,
    'registered',
    `Registered as ${state.source.urn}`,
    state.source.createdBy,
    state.source.id,
  );
  for (const r of state.approachRequests) {
    add(r.requestedAt, 'approach-requested', 'Approach requested', r.requestedBy, r.id);
    add(r.decidedAt, `approach-${r.status}`, `Approach ${r.status}`, r.decidedBy, r.id);
  }
  if (state.recruitment)
    add(
      new Date(`${state.recruitment.recruitedOn}T00:00:00Z`),
      'recruited',
      'Recruited',
      state.recruitment.recordedBy,
    );
  for (const r of state.roles) {
    add(r.fromAt, 'role-from', `${r.role} from`, r.userId, r.id);
    add(r.toAt, 'role-to', `${r.role} until`, r.userId, r.id);
  }
  for (const a of state.authorisations) {
    add(a.appliedAt, 'authorisation-applied', 'Authorisation applied for', a.appliedBy, a.id);
    add(a.grantedAt, 'authorisation-granted', 'Authorisation granted', a.decidedBy, a.id);
    if (!a.grantedAt)
      add(a.decidedAt, `authorisation-${a.status}`, `Authorisation ${a.status}`, a.decidedBy, a.id);
    add(a.cancelledAt, 'authorisation-cancelled', 'Authorisation cancelled', a.cancelledBy, a.id);
  }
  for (const r of state.reviews) add(r.submittedAt, 'review', 'Review submitted', r.submittedBy, r.id);
  for (const r of state.renewals)
    add(r.decidedAt, `renewal-${r.status}`, `Renewal ${r.status}`, r.decidedBy, r.id);
  for (const r of h.riskAssessments)
    add(r.assessedAt, 'risk-assessment', `Risk assessment v${r.version}`, r.assessedBy, r.id);
  for (const r of h.riskAssessments)
    add(r.confirmedAt, 'risk-confirmed', `Risk assessment v${r.version} confirmed`, r.confirmedBy, r.id);
  for (const t of h.taskings) add(t.givenAt, 'tasking', `Tasked: ${t.conduct}`, t.givenBy, t.id);
  for (const c of h.contacts)
    add(c.occurredAt ?? c.plannedAt, `contact-${c.state}`, `${c.kind} ${c.state}`, c.recordedBy, c.id);
  for (const r of h.reports)
    add(
      r.reportedAt,
      'intelligence',
      `Intelligence graded ${r.sourceEvaluation}/${r.intelligenceGrade}/${r.handling}`,
      r.recordedBy,
      r.id,
    );
  for (const p of h.products)
    add(p.releasedAt, 'dissemination', `Product ${p.reference} released`, p.provenance.releasedBy, p.id);
  for (const r of h.rewards) {
    add(r.requestedAt, 'reward-requested', `${r.kind} requested`, r.requestedBy, r.id);
    add(
      r.decidedAt,
      `reward-${r.state === 'refused' ? 'refused' : 'approved'}`,
      `${r.kind} decided`,
      r.decidedBy,
      r.id,
    );
    add(r.paidAt, 'reward-paid', `${r.kind} paid`, r.paidBy, r.id);
  }
  for (const d of h.disclosures) add(d.recordedAt, 'disclosure', 'Disclosure recorded', d.recordedBy, d.id);
  for (const t of h.handlerTasks)
    add(t.createdAt, 'reassessment-raised', `Re-assessment raised: ${t.trigger}`, t.createdBy, t.id);
  if (state.source.status === 'cancelled' || state.source.status === 'closed')
    add(state.source.statusChangedAt, state.source.status, `Source ${state.source.status}`, null);
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind));
  return {
    sourceId: state.source.id,
    items: items.map((i) => ({ ...i, at: i.at.toISOString(), by: i.by ? officerOf(officers, i.by) : null })),
  };
}
