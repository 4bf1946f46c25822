import { useQuery } from '@tanstack/react-query';
import { sourcesManifest } from '#shared/contracts/sources.manifest';
import { Link } from '@tanstack/react-router';
import type { SessionUser } from '../../api/auth.api';
import { holds, runs } from '../../auth/abilities';
import { RefusalAlert } from '../../ui/refusal-alert';
import { SourceAlertList } from '../sources/source-alerts';
import { alertsQuery } from '../sources/sources.api';

/** How many alerts the panel lists; the rest are counted, each source's page lists its own. */
const shown = 10;

/**
 * The compliance alerts of the sources one is read into (issue 20, item 8): expiring
 * authorisations, overdue reviews, Judicial Commissioner notices due, lapsed arrangements, contacts
 * after cancellation, status drift and break-glass access. For holders of `sources:read` only.
 */
export function ComplianceAlertsPanel({ user }: { user: SessionUser }) {
  const enabled = runs(user, sourcesManifest.name) && holds(user, 'sources:read');
  const alerts = useQuery({ ...alertsQuery, enabled });
  if (!enabled) return null;
  const items = alerts.data ?? [];
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-compliance">
      <h2 className="dashboard__section-title" id="dashboard-compliance">
        Compliance alerts{alerts.data ? ` (${items.length})` : ''}
      </h2>
      <RefusalAlert error={alerts.error} title="The alerts could not be loaded" />
      {alerts.isPending ? <p className="dashboard__empty">Loading…</p> : null}
      {alerts.data && items.length === 0 ? (
        <p className="dashboard__empty">No compliance alert on the sources you are read into.</p>
      ) : null}
      {items.length > 0 ? <SourceAlertList alerts={items.slice(0, shown)} withSource /> : null}
      {items.length > shown ? (
        <p className="dashboard__empty">
          {items.length - shown} more: see each source’s page from <Link to="/sources">Sources</Link>, or run{' '}
          <code>lantern sources alerts</code>.
        </p>
      ) : null}
    </section>
  );
}
