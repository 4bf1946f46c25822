import { Link } from '@tanstack/react-router';
import { useSessionUser } from '../../auth/abilities';
import { securityPagePath } from '../../auth/mfa-gate';
import { Alert } from '../../ui/alert';
import { PageHeader } from '../../ui/page-header';
import { navEntriesFor } from '..';
import { ComplianceAlertsPanel } from './compliance-alerts';
import './dashboard.css';

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

/** One card per module open to this user, each saying what it holds today — and nothing more. */
export function DashboardPage() {
  const user = useSessionUser();
  if (!user) return null;
  const entries = navEntriesFor(user);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${firstName(user.displayName)}. What Lantern holds for you today is below.`}
      />
      <div className="dashboard">
        <Alert tone="info" role="note" title="Lawful by design">
          You see only the records your permissions, compartments and markings allow, and your reads of
          sensitive records are audited.
        </Alert>
        <ComplianceAlertsPanel user={user} />
        <section className="dashboard__section" aria-labelledby="dashboard-modules">
          <h2 className="dashboard__section-title" id="dashboard-modules">
            {entries.length > 0 ? 'Open to you' : 'Nothing here for you yet'}
          </h2>
          {entries.length > 0 ? (
            <ul className="module-grid">
              {entries.map((entry) => (
                <ModuleCard key={entry.path} entry={entry} />
              ))}
            </ul>
          ) : (
            <p className="dashboard__empty">
              No module of Lantern that is built so far is open to your roles. Each module adds itself here
              when it is built and your roles are given its permissions.
            </p>
          )}
        </section>
        <section className="dashboard__section" aria-labelledby="dashboard-account">
          <h2 className="dashboard__section-title" id="dashboard-account">
            Your account
          </h2>
          <p className="dashboard__empty">
            {/* Not "Account security": that is the top bar's link, and one name should lead one place. */}
            <Link to={securityPagePath}>Security of your account</Link>: two-step verification, recovery codes
            and access tokens for the command line.
          </p>
        </section>
      </div>
    </>
  );
}

function ModuleCard({ entry }: { entry: ReturnType<typeof navEntriesFor>[number] }) {
  const EntryIcon = entry.icon;
  return (
    <li className="module-card">
      <span className="module-card__icon" aria-hidden="true">
        <EntryIcon />
      </span>
      <div className="module-card__text">
        <h3 className="module-card__title">
          <Link to={entry.path} className="module-card__link">
            {entry.title}
          </Link>
        </h3>
        <p className="module-card__summary">{entry.summary}</p>
      </div>
    </li>
  );
}
