import type { CalendarQuery, CalendarView, DashboardView } from '#shared/contracts/sources-handling';
import type { AppContext } from '../../../../app-context';
import type { Tx } from '../../../../db/client';
import { withActorTx } from '../../../../platform/access/actor-tx';
import { recordAudit } from '../../../../platform/audit/audit.service';
import type { UserScope } from '../../../../platform/request-scope';
import { authorisationInForce, computedAlerts, currentHolders, type SourceFacts } from '../../source-facts';
import { loadFacts, officersOf } from '../../source-state';
import { allVisibleSources } from '../../sources.repo';
import { addDays } from '../../sources.rules';
import type { SourceRow } from '../../sources.schema';
import { contactsBetween, handlingOf } from '../handling.repo';
import { presentContact, presentTask } from '../handling.presenter';

// The handler's week and dashboard, and the controller's view: across the sources the actor may see
// and holds a current handler or controller role on. Contacts are a sensitive read: audited per source.

const ref = (s: SourceRow) => ({ id: s.id, pseudonym: s.pseudonym, urn: s.urn, status: s.status });

interface Mine {
  rows: SourceRow[];
  facts: Map<string, SourceFacts>;
  asHandler: SourceRow[];
  asController: SourceRow[];
}

async function mySources(ctx: AppContext, tx: Tx, scope: UserScope): Promise<Mine> {
  const now = scope.clock.now();
  const visible = await allVisibleSources(tx);
  // The dashboard reads no date of birth: the vault stays closed.
  const facts = await loadFacts(ctx, tx, visible, { identities: false });
  const holds = (s: SourceRow, role: 'handler' | 'controller') =>
    currentHolders(facts.get(s.id)!, role, now).some((r) => r.userId === scope.actor.id);
  const asHandler = visible.filter((s) => holds(s, 'handler'));
  const asController = visible.filter((s) => holds(s, 'controller'));
  const rows = visible.filter((s) => holds(s, 'handler') || holds(s, 'controller'));
  return { rows, facts, asHandler, asController };
}

async function calendarOf(tx: Tx, scope: UserScope, rows: SourceRow[], from: Date, to: Date) {
  const contacts = await contactsBetween(
    tx,
    rows.map((s) => s.id),
    from,
    to,
  );
  const officers = await officersOf(
    tx,
    contacts.flatMap((c) => [c.recordedBy, ...c.officerIds]),
  );
  const byId = new Map(rows.map((s) => [s.id, s]));
  for (const sourceId of new Set(contacts.map((c) => c.sourceId)))
    await recordAudit(tx, scope, {
      action: 'sources.contacts.read-calendar',
      recordType: 'sources',
      recordId: sourceId,
      fields: ['contacts'],
    });
  return contacts.map((c) => {
    const s = byId.get(c.sourceId)!;
    return { sourceId: s.id, pseudonym: s.pseudonym, urn: s.urn, contact: presentContact(c, officers) };
  });
}

/** The handler's calendar: contacts planned in [from, to) across my sources. */
export function readCalendar(ctx: AppContext, scope: UserScope, query: CalendarQuery): Promise<CalendarView> {
  return withActorTx(ctx, scope, async (tx) => {
    const { rows } = await mySources(ctx, tx, scope);
    const from = new Date(query.from);
    const to = new Date(query.to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items: await calendarOf(tx, scope, rows, from, to),
    };
  });
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function startOfWeek(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

const REVIEW_AHEAD_DAYS = 14;

/**
 * The handler's dashboard and the controller's view: my sources by role, meetings this week,
 * re-assessments due (open, soonest first), reviews due within two weeks or overdue, authorisations
 * expiring within the warning period, rewards waiting for my decision (as controller), and the
 * compliance alerts of my sources with the overdue re-assessments among them.
 */
export function readDashboard(ctx: AppContext, scope: UserScope): Promise<DashboardView> {
  return withActorTx(ctx, scope, async (tx) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    const { rows, facts, asHandler, asController } = await mySources(ctx, tx, scope);
    const handling = await handlingOf(
      tx,
      rows.map((s) => s.id),
    );
    const week = startOfWeek(now);
    const tasksDue: DashboardView['tasksDue'] = [];
    const reviewsDue: DashboardView['reviewsDue'] = [];
    const expiring: DashboardView['expiringAuthorisations'] = [];
    const rewards: DashboardView['rewardsAwaitingDecision'] = [];
    const alerts: DashboardView['alerts'] = [];
    const controlled = new Set(asController.map((s) => s.id));
    for (const s of rows) {
      const f = facts.get(s.id)!;
      const h = handling.get(s.id)!;
      for (const t of h.handlerTasks.filter((t) => t.doneAt === null)) {
        tasksDue.push({ ...presentTask(t, now), source: ref(s) });
        if (now > t.dueAt)
          alerts.push({
            source: ref(s),
            kind: 'reassessment-overdue',
            at: t.dueAt.toISOString(),
            message: `A risk re-assessment (${t.trigger}) was due on ${t.dueAt.toISOString().slice(0, 10)}.`,
          });
      }
      const current = authorisationInForce(f, now);
      if (current?.nextReviewDue && current.nextReviewDue <= addDays(now, REVIEW_AHEAD_DAYS))
        reviewsDue.push({ source: ref(s), dueAt: current.nextReviewDue.toISOString() });
      if (current?.expiresAt && current.expiresAt <= addDays(now, config.expiryWarningDays))
        expiring.push({ source: ref(s), expiresAt: current.expiresAt.toISOString() });
      if (controlled.has(s.id))
        for (const r of h.rewards.filter((r) => r.state === 'requested' && r.requestedBy !== scope.actor.id))
          rewards.push({ source: ref(s), rewardId: r.id, amountPence: r.amountPence });
      for (const a of computedAlerts(f, now, config))
        alerts.push({ source: ref(s), kind: a.kind, message: a.message, at: a.at.toISOString() });
    }
    const byAt = <T extends { dueAt?: string; expiresAt?: string; at?: string }>(a: T, b: T) =>
      (a.dueAt ?? a.expiresAt ?? a.at ?? '').localeCompare(b.dueAt ?? b.expiresAt ?? b.at ?? '');
    return {
      asHandler: asHandler.map(ref),
      asController: asController.map(ref),
      meetingsThisWeek: await calendarOf(tx, scope, rows, week, addDays(week, 7)),
      tasksDue: tasksDue.sort(byAt),
      reviewsDue: reviewsDue.sort(byAt),
      expiringAuthorisations: expiring.sort(byAt),
      rewardsAwaitingDecision: rewards,
      alerts: alerts.sort(byAt),
    };
  });
}
