import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { StatusBadge } from '../../ui/status-badge';
import { Tabs } from '../../ui/tabs';
import { NotFoundPage } from '../not-found/not-found-page';
import { IdentityVault } from './identity-vault';
import { ReasonDialog } from './source-dialogs';
import { SourceAlertList } from './source-alerts';
import { SourceAuthorisations } from './source-authorisations';
import { SourceCcas } from './source-ccas';
import { SourceOverview } from './source-overview';
import { SourceRoles } from './source-roles';
import { sourceQuery } from './sources.api';
import { sourceStatusScheme, sourceTypeLabels } from './sources-labels';
import type { SourceTab } from './sources-search';
import './sources.css';

const routeApi = getRouteApi('/app/sources/$sourceId');

type StatusAction = 'suspend' | 'resume' | 'close' | 'cancel';

/**
 * One source: its overview and flags, the identity vault, the roles and their history, the
 * authorisations with their clocks and the alerts. A source one is not read into is "not found",
 * exactly as the API answers it. Buttons follow the record's abilities.
 */
export function SourcePage() {
  const { sourceId } = routeApi.useParams();
  const { tab } = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const source = useQuery(sourceQuery(sourceId));
  const [action, setAction] = useState<StatusAction | null>(null);

  if (source.isPending) return <p className="sources-muted">Loading…</p>;
  if (isApiError(source.error) && (source.error.status === 404 || source.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!source.data) return <RefusalAlert error={source.error} title="The source could not be loaded" />;
  const s = source.data;
  const { abilities } = s;
  const statusActions: { id: StatusAction; label: string; allowed: boolean }[] = [
    { id: 'suspend', label: 'Suspend', allowed: abilities.suspend },
    { id: 'resume', label: 'Resume', allowed: abilities.resume },
    { id: 'cancel', label: 'Cancel the authorisation', allowed: abilities.cancel },
    { id: 'close', label: 'Close', allowed: abilities.close },
  ];

  return (
    <>
      <PageHeader
        eyebrow={s.urn}
        title={s.pseudonym}
        description={
          <>
            {sourceTypeLabels[s.type]} · <StatusBadge status={s.status} scheme={sourceStatusScheme} />
          </>
        }
        actions={
          <>
            {statusActions
              .filter((a) => a.allowed)
              .map((a) => (
                <Button key={a.id} variant="secondary" onClick={() => setAction(a.id)}>
                  {a.label}
                </Button>
              ))}
            <Link to="/sources" className="button button--ghost">
              All sources
            </Link>
          </>
        }
      />
      <Tabs
        label={`Source ${s.urn}`}
        selected={tab ?? 'overview'}
        onSelectionChange={(next) =>
          void navigate({
            search: { tab: next === 'overview' ? undefined : (next as SourceTab) },
            replace: true,
          })
        }
        items={[
          { id: 'overview', label: 'Overview', content: <SourceOverview source={s} /> },
          { id: 'identity', label: 'True identity', content: <IdentityVault source={s} /> },
          { id: 'roles', label: 'Roles', content: <SourceRoles source={s} /> },
          {
            id: 'authorisations',
            label: 'Authorisations',
            content: (
              <div className="source-page">
                <SourceAuthorisations source={s} />
                <SourceCcas source={s} />
              </div>
            ),
          },
          {
            id: 'alerts',
            label: s.alerts.length > 0 ? `Alerts (${s.alerts.length})` : 'Alerts',
            content:
              s.alerts.length > 0 ? (
                <SourceAlertList alerts={s.alerts} label={`Alerts for ${s.urn}`} />
              ) : (
                <p className="sources-muted">No compliance alert for this source.</p>
              ),
          },
        ]}
      />
      {action ? (
        <ReasonDialog
          source={s}
          action={action}
          isOpen
          onOpenChange={(open) => setAction(open ? action : null)}
        />
      ) : null}
    </>
  );
}
