import type { QueueItemView } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import type { UserScope } from '../../../platform/request-scope';
import { needsHigherLevel, type SourceFacts } from '../source-facts';
import { sourcesWithPendingDecisions } from '../source-lists.repo';
import { loadFacts, officersOf } from '../source-state';
import { decisionRefusal, holdsCaseRole, isCcaOfficer, type PolicyContext } from '../sources.policy';
import { visibleSourcesIn } from '../sources.repo';

type Pending = Omit<QueueItemView, 'submittedBy'> & { submittedById: string };

/** What waits on one source: requests to approach, applications, renewals, reviews and CCAs, each with its clock. */
function pendingOf(facts: SourceFacts, p: PolicyContext): Pending[] {
  const { source } = facts;
  const base = { sourceId: source.id, urn: source.urn, pseudonym: source.pseudonym };
  const byId = new Map(facts.authorisations.map((a) => [a.id, a]));
  const caseRole = holdsCaseRole(facts, p);
  const items: Pending[] = [];
  for (const r of facts.approachRequests.filter((x) => x.status === 'requested'))
    items.push({
      ...base,
      kind: 'approach',
      id: r.id,
      authorisationId: null,
      submittedAt: r.requestedAt.toISOString(),
      submittedById: r.requestedBy,
      urgency: 'routine',
      deadline: null,
      higherLevel: false,
      mayDecide: source.status === 'prospect' && !caseRole,
    });
  for (const a of facts.authorisations.filter((x) => x.status === 'applied'))
    items.push({
      ...base,
      kind: 'application',
      id: a.id,
      authorisationId: a.id,
      submittedAt: a.appliedAt.toISOString(),
      submittedById: a.appliedBy,
      urgency: a.urgency,
      deadline: null,
      higherLevel: needsHigherLevel(a, facts, p.now),
      mayDecide: decisionRefusal(facts, a, p) === null,
    });
  for (const r of facts.renewals.filter((x) => x.status === 'applied')) {
    const parent = byId.get(r.authorisationId)!;
    items.push({
      ...base,
      kind: 'renewal',
      id: r.id,
      authorisationId: parent.id,
      submittedAt: r.appliedAt.toISOString(),
      submittedById: r.appliedBy,
      urgency: 'routine',
      deadline: parent.expiresAt?.toISOString() ?? null,
      higherLevel: needsHigherLevel(parent, facts, p.now),
      mayDecide: decisionRefusal(facts, parent, p) === null,
    });
  }
  for (const v of facts.reviews.filter((x) => x.consideredAt === null)) {
    const parent = byId.get(v.authorisationId)!;
    items.push({
      ...base,
      kind: 'review',
      id: v.id,
      authorisationId: parent.id,
      submittedAt: v.submittedAt.toISOString(),
      submittedById: v.submittedBy,
      urgency: 'routine',
      deadline: parent.nextReviewDue?.toISOString() ?? null,
      higherLevel: false,
      mayDecide: !caseRole,
    });
  }
  for (const c of facts.ccas.filter((x) => x.status === 'applied'))
    items.push({
      ...base,
      kind: 'cca',
      id: c.id,
      authorisationId: c.authorisationId,
      submittedAt: c.appliedAt.toISOString(),
      submittedById: c.appliedBy,
      urgency: 'routine',
      deadline: null,
      higherLevel: false,
      mayDecide: isCcaOfficer(p.actor, p.config) && !caseRole,
    });
  return items;
}

/**
 * The AO's queue: every application, renewal, review and CCA waiting for a decision on a source the
 * actor may see, oldest first, each with its clock (the expiry a renewal must beat, the review's due
 * date) and whether this AO may decide it (level, own case).
 */
export function listQueue(ctx: AppContext, scope: UserScope): Promise<QueueItemView[]> {
  return withActorTx(ctx, scope, async (tx) => {
    const rows = await visibleSourcesIn(tx, await sourcesWithPendingDecisions(tx));
    const facts = await loadFacts(ctx, tx, rows);
    const p = { actor: scope.actor, now: scope.clock.now(), config: ctx.config.sources };
    const pending = [...facts.values()].flatMap((f) => pendingOf(f, p));
    const officers = await officersOf(
      tx,
      pending.map((i) => i.submittedById),
    );
    return pending
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
      .map(({ submittedById, ...item }) => ({
        ...item,
        submittedBy: officers.get(submittedById) ?? { id: submittedById, displayName: 'Unknown officer' },
      }));
  });
}
