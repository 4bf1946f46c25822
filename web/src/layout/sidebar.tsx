import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { databaseLabel, healthQuery } from '../api/health.api';
import { useSessionUser } from '../auth/abilities';
import { navGroupsFor } from '../modules';
import { DashboardIcon, LanternMark } from '../ui/icons';

export function Sidebar() {
  const groups = navGroupsFor(useSessionUser());
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__mark" aria-hidden="true">
          <LanternMark width={20} height={20} />
        </span>
        <span className="sidebar__product">Lantern</span>
      </div>
      <nav className="sidebar__nav" aria-label="Main">
        <ul className="nav-list">
          <li>
            <Link to="/" className="nav-link" activeOptions={{ exact: true }}>
              <DashboardIcon className="nav-link__icon" />
              Dashboard
            </Link>
          </li>
        </ul>
        {groups.map(({ group, entries }) => {
          const headingId = `nav-group-${group.replace(/\W+/g, '-').toLowerCase()}`;
          return (
            <div className="nav-group" key={group}>
              <h2 className="nav-group__heading" id={headingId}>
                {group}
              </h2>
              <ul className="nav-list" aria-labelledby={headingId}>
                {entries.map((entry) => {
                  const EntryIcon = entry.icon;
                  return (
                    <li key={entry.path}>
                      <Link to={entry.path} className="nav-link">
                        <EntryIcon className="nav-link__icon" />
                        {entry.title}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </nav>
      <SystemStatus />
    </aside>
  );
}

function SystemStatus() {
  const { data: health, isError } = useQuery(healthQuery);
  if (isError) {
    return (
      <p className="sidebar__status sidebar__status--down" role="status">
        <span className="status-dot" aria-hidden="true" /> Server unreachable
      </p>
    );
  }
  if (!health) return <p className="sidebar__status">&nbsp;</p>;
  const ok = health.status === 'ok';
  return (
    <p className={`sidebar__status${ok ? '' : ' sidebar__status--down'}`}>
      <span className="status-dot" aria-hidden="true" />
      <span>
        Lantern {health.version} · {databaseLabel(health.db)}
        {ok ? null : ` · ${health.status}`}
      </span>
    </p>
  );
}
