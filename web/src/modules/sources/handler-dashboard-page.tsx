import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { SourceStatus } from '#shared/contracts/sources';
import type { CalendarView, DashboardView } from '#shared/contracts/sources-handling';
import { Badge } from '../../ui/badge';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { StatusBadge } from '../../ui/status-badge';
import { calendarQuery, dashboardQuery } from './handling.api';
import { contactKindLabels, contactStateScheme, pounds, triggerLabels } from './handling-labels';
import { HandlingSection } from './handling-parts';
import { mondayOf, weekOf } from './handler-week';
import { alertKindLabels, sourceStatusScheme } from './sources-labels';
import { SourcesNav } from './sources-nav';
import './handling.css';
import './sources.css';

const routeApi = getRouteApi('/app/sources/dashboard');

type SourceRef = DashboardView['asHandler'][number];

function SourceLink({
  source,
  tab,
}: {
  source: SourceRef;
  tab?: 'risk' | 'rewards' | 'authorisations' | 'contacts';
}) {
  return (
    <Link to="/sources/$sourceId" params={{ sourceId: source.id }} search={tab ? { tab } : {}}>
      {source.urn} {source.pseudonym}
    </Link>
  );
}

function List<T>({
  label,
  items,
  empty,
  row,
}: {
  label: string;
  items: T[];
  empty: string;
  row: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="sources-muted">{empty}</p>;
  return (
    <ul className="source-list" aria-label={label}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only list, never reordered
        <li key={i} className="source-item">
          {row(item)}
        </li>
      ))}
    </ul>
  );
}

function Sources({ label, items }: { label: string; items: SourceRef[] }) {
  return (
    <List
      label={label}
      items={items}
      empty="None."
      row={(s) => (
        <div className="source-item__head">
          <SourceLink source={s} />
          <StatusBadge status={s.status as SourceStatus} scheme={sourceStatusScheme} />
        </div>
      )}
    />
  );
}

/** The handler's week: each day's contacts across their sources. */
function Week({ monday, calendar }: { monday: string; calendar: CalendarView | undefined }) {
  const week = weekOf(monday);
  return (
    <div className="handling-week">
      {week.days.map((d) => {
        const items = (calendar?.items ?? []).filter(
          (i) => (i.contact.occurredAt ?? i.contact.plannedAt).slice(0, 10) === d,
        );
        return (
          <section key={d} className="handling-day" aria-label={format.longDate(d)}>
            <h3>{format.longDate(d)}</h3>
            {items.length === 0 ? <p className="sources-muted">Nothing planned.</p> : null}
            {items.map((i) => (
              <div key={i.contact.id}>
                <p>
                  {format.dateTime(i.contact.occurredAt ?? i.contact.plannedAt)} ·{' '}
                  {contactKindLabels[i.contact.kind]}{' '}
                  <StatusBadge status={i.contact.state} scheme={contactStateScheme} />
                </p>
                <p>
                  <Link
                    to="/sources/$sourceId"
                    params={{ sourceId: i.sourceId }}
                    search={{ tab: 'contacts' }}
                  >
                    {i.urn} {i.pseudonym}
                  </Link>
                  {i.contact.location ? ` — ${i.contact.location}` : ''}
                </p>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The handler's dashboard and the controller's view: the sources one handles and controls, the
 * meetings of the week, re-assessments due, reviews due, expiring authorisations, rewards waiting for
 * a decision and the alerts of one's sources; and the week as a calendar (`?week=` its Monday).
 */
export function HandlerDashboardPage() {
  const { week } = routeApi.useSearch();
  const monday = week ?? mondayOf(new Date());
  const bounds = weekOf(monday);
  const dashboard = useQuery(dashboardQuery);
  const calendar = useQuery(calendarQuery(bounds.from, bounds.to));
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title="My week"
        description="The sources you handle and control, with their clocks, and your week of contacts."
      />
      <SourcesNav />
      {dashboard.error ? (
        <RefusalAlert error={dashboard.error} title="The dashboard could not be loaded" />
      ) : null}
      {dashboard.isPending ? <p className="sources-muted">Loading…</p> : null}
      {d ? (
        <div className="source-page">
          <HandlingSection id="as-handler" title="My sources">
            <Sources label="Sources I handle" items={d.asHandler} />
          </HandlingSection>
          {d.asController.length > 0 ? (
            <HandlingSection id="as-controller" title="Sources I control">
              <Sources label="Sources I control" items={d.asController} />
            </HandlingSection>
          ) : null}
          <HandlingSection id="meetings" title="Meetings this week">
            <List
              label="Meetings this week"
              items={d.meetingsThisWeek}
              empty="No meeting this week."
              row={(m) => (
                <div className="source-item__head">
                  <Link
                    to="/sources/$sourceId"
                    params={{ sourceId: m.sourceId }}
                    search={{ tab: 'contacts' }}
                  >
                    {m.urn} {m.pseudonym}
                  </Link>
                  <span>{format.dateTime(m.contact.plannedAt)}</span>
                  <StatusBadge status={m.contact.state} scheme={contactStateScheme} />
                </div>
              )}
            />
          </HandlingSection>
          <HandlingSection id="tasks-due" title="Re-assessments due">
            <List
              label="Re-assessments due"
              items={d.tasksDue}
              empty="No re-assessment due."
              row={(t) => (
                <div className="source-item__head">
                  <SourceLink source={t.source} tab="risk" />
                  <span>{triggerLabels[t.trigger]}</span>
                  <Clock at={t.dueAt} label="Due" passedLabel="Overdue" warnWithinDays={3} />
                </div>
              )}
            />
          </HandlingSection>
          <HandlingSection id="reviews-due" title="Reviews due">
            <List
              label="Reviews due"
              items={d.reviewsDue}
              empty="No review due."
              row={(r) => (
                <div className="source-item__head">
                  <SourceLink source={r.source} tab="authorisations" />
                  <Clock at={r.dueAt} label="Review due" passedLabel="Review overdue" warnWithinDays={7} />
                </div>
              )}
            />
          </HandlingSection>
          <HandlingSection id="expiring" title="Expiring authorisations">
            <List
              label="Expiring authorisations"
              items={d.expiringAuthorisations}
              empty="No authorisation expiring soon."
              row={(e) => (
                <div className="source-item__head">
                  <SourceLink source={e.source} tab="authorisations" />
                  <Clock at={e.expiresAt} label="Expires" passedLabel="Expired" warnWithinDays={30} />
                </div>
              )}
            />
          </HandlingSection>
          <HandlingSection id="rewards-waiting" title="Rewards waiting for a decision">
            <List
              label="Rewards waiting for a decision"
              items={d.rewardsAwaitingDecision}
              empty="No reward waiting."
              row={(r) => (
                <div className="source-item__head">
                  <SourceLink source={r.source} tab="rewards" />
                  <span>{pounds(r.amountPence)}</span>
                </div>
              )}
            />
          </HandlingSection>
          <HandlingSection id="dashboard-alerts" title="Alerts">
            <List
              label="Alerts of my sources"
              items={d.alerts}
              empty="No compliance alert."
              row={(a) => (
                <div className="source-item__head">
                  <SourceLink source={a.source} />
                  <Badge tone="warning">
                    {(alertKindLabels as Record<string, string>)[a.kind] ?? a.kind}
                  </Badge>
                  <span>{a.message}</span>
                </div>
              )}
            />
          </HandlingSection>
        </div>
      ) : null}
      <div className="source-page">
        <HandlingSection
          id="week"
          title={`The week of ${format.date(monday)}`}
          actions={
            <>
              <Link
                to="/sources/dashboard"
                search={{ week: bounds.previous }}
                className="button button--ghost"
              >
                Previous week
              </Link>
              <Link to="/sources/dashboard" search={{}} className="button button--ghost">
                This week
              </Link>
              <Link to="/sources/dashboard" search={{ week: bounds.next }} className="button button--ghost">
                Next week
              </Link>
            </>
          }
        >
          {calendar.error ? (
            <RefusalAlert error={calendar.error} title="The calendar could not be loaded" />
          ) : null}
          <Week monday={monday} calendar={calendar.data} />
        </HandlingSection>
      </div>
    </>
  );
}
