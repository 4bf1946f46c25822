import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { sessionQuery } from '../../auth/session';
import { Alert } from '../../ui/alert';
import { PageHeader } from '../../ui/page-header';
import { isModuleVisibleTo, type ModuleDefinition, modules } from '..';
import './dashboard.css';

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

export function DashboardPage() {
  const { data: user } = useQuery(sessionQuery);
  if (!user) return null;
  const shown = modules.filter((module) => isModuleVisibleTo(module, user.roles));
  const mine = shown.filter((module) => module.usedBy.some((role) => user.roles.includes(role)));
  const others = shown.filter((module) => !mine.includes(module));
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${firstName(user.displayName)}. Your work across Lantern starts here.`}
      />
      <div className="dashboard">
        <Alert tone="info" role="note" title="Lawful by design">
          Every covert action is authorised before it happens, reviewed while it lasts and recorded for the
          independent inspector. You see only the records your roles, compartments and markings allow, and
          your reads of sensitive records are audited.
        </Alert>
        {mine.length > 0 ? <ModuleSection title="Your work" modules={mine} /> : null}
        <ModuleSection title={mine.length > 0 ? 'Other modules' : 'Modules'} modules={others} />
      </div>
    </>
  );
}

function ModuleSection({ title, modules: list }: { title: string; modules: readonly ModuleDefinition[] }) {
  if (list.length === 0) return null;
  const headingId = `dashboard-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="dashboard__section" aria-labelledby={headingId}>
      <h2 className="dashboard__section-title" id={headingId}>
        {title}
      </h2>
      <ul className="module-grid">
        {list.map((module) => (
          <ModuleCard key={module.path} module={module} />
        ))}
      </ul>
    </section>
  );
}

function ModuleCard({ module }: { module: ModuleDefinition }) {
  const ModuleIcon = module.icon;
  return (
    <li className="module-card">
      <span className="module-card__icon" aria-hidden="true">
        <ModuleIcon />
      </span>
      <div className="module-card__text">
        <h3 className="module-card__title">
          <Link to={module.path} className="module-card__link">
            {module.title}
          </Link>
        </h3>
        <p className="module-card__summary">{module.summary}</p>
      </div>
    </li>
  );
}
