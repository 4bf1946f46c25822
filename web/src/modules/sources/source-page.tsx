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
import { HandlingTab } from './handling-parts';
import { SourceContacts } from './source-contacts';
import { SourceIntelligence } from './source-intelligence';
import { SourceRecord, SourceTimeline } from './source-record';
import { SourceDisclosures, SourceRewards } from './source-rewards';
import { SourceRisk } from './source-risk';
import { SourceTasking } from './source-tasking';
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
 * authorisations with their clocks, the handling life (risk, tasking, contacts, intelligence,
 * rewards, disclosures), the reg. 3 record, the timeline and the alerts. A source one is not read into is "not found",
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
          { id: 'risk', label: 'Risk', content: <HandlingTab source={s} render={SourceRisk} /> },
          { id: 'tasking', label: 'Tasking', content: <HandlingTab source={s} render={SourceTasking} /> },
          { id: 'contacts', label: 'Contacts', content: <HandlingTab source={s} render={SourceContacts} /> },
          {
            id: 'intelligence',
            label: 'Intelligence',
            content: <HandlingTab source={s} render={SourceIntelligence} />,
          },
          { id: 'rewards', label: 'Rewards', content: <HandlingTab source={s} render={SourceRewards} /> },
          {
            id: 'disclosures',
            label: 'Disclosures',
            content: <HandlingTab source={s} render={SourceDisclosures} />,
          },
          { id: 'record', label: 'Record', content: <SourceRecord source={s} /> },
          { id: 'timeline', label: 'Timeline', content: <SourceTimeline source={s} /> },
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
