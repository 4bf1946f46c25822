import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { CentralRecordRow } from '#shared/contracts/sources';
import { Badge } from '../../ui/badge';
import { format } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { SearchField } from '../../ui/search-field';
import { StatusBadge } from '../../ui/status-badge';
import { columnsFor } from '../../ui/table/columns';
import { DataTable } from '../../ui/table/data-table';
import { useSearchText } from '../../ui/table/use-search-text';
import { centralRecordExportPath, centralRecordQuery } from './sources.api';
import { authorisationStateScheme } from './sources-labels';
import { SourcesNav } from './sources-nav';
import './sources.css';

const routeApi = getRouteApi('/app/sources/central-record');
const col = columnsFor<CentralRecordRow>();
const when = (value: string | null) => (value ? format.date(value) : '—');

const columns = col.columns([
  // The URN is not a link: the inspector and the record keeper read the record, not the sources.
  col.accessor('urn', { header: 'URN', meta: { rowHeader: true, mono: true } }),
  col.accessor('pseudonym', { header: 'Pseudonym', enableSorting: false }),
  col.accessor('state', {
    header: 'State',
    enableSorting: false,
    cell: (info) => <StatusBadge status={info.getValue()} scheme={authorisationStateScheme} />,
  }),
  col.accessor('grantedAt', { header: 'Granted', cell: (info) => when(info.getValue()) }),
  col.accessor('renewedAt', {
    header: 'Renewed',
    enableSorting: false,
    cell: (info) => info.getValue().map(when).join(', ') || '—',
  }),
  col.accessor('cancelledAt', {
    header: 'Cancelled',
    enableSorting: false,
    cell: (info) => when(info.getValue()),
  }),
  col.accessor('endedAt', { header: 'Ended', cell: (info) => when(info.getValue()) }),
  col.accessor('urgency', {
    header: 'Urgency',
    enableSorting: false,
    cell: (info) => (info.getValue() === 'urgent' ? 'Urgent' : 'Routine'),
  }),
  col.display({
    id: 'flags',
    header: 'Flags',
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flag-list">
          {row.juvenile ? <Badge tone="warning">Juvenile</Badge> : null}
          {row.vulnerable ? <Badge tone="warning">Vulnerable</Badge> : null}
          {row.cca ? <Badge tone="info">CCA</Badge> : null}
        </span>
      );
    },
  }),
  col.accessor('retainUntil', {
    header: 'Kept until',
    enableSorting: false,
    cell: (info) => when(info.getValue()),
  }),
]);

/**
 * The central record of authorisations (LAW.md §3): per authorisation the reference, pseudonym,
 * dates granted, renewed and cancelled, urgency and the juvenile, vulnerable and CCA flags; kept
 * after the authorisation ends, readable by the inspector at any time, exported as CSV.
 */
export function CentralRecordPage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const [text, setText] = useSearchText(search.q, (q) =>
    navigate({ search: (prev) => ({ ...prev, q, offset: 0 }), replace: true }),
  );
  const record = useQuery(centralRecordQuery(search));
  return (
    <>
      <PageHeader
        eyebrow="Sources"
        title="Central record"
        description="Every authorisation, kept after it ends for the retention period, for the record keeper and the inspector."
        actions={
          <a className="button button--secondary" href={centralRecordExportPath(search)} download>
            Export as CSV
          </a>
        }
      />
      <SourcesNav />
      <div className="sources-filters">
        <SearchField label="Search pseudonym or URN" value={text} onChange={setText} />
      </div>
      <RefusalAlert error={record.error} title="The central record could not be loaded" />
      <DataTable
        label="Central record"
        columns={columns}
        page={record.data}
        getRowId={(row) => row.authorisationId}
        search={search}
        onSearchChange={setSearch}
        isLoading={record.isPending}
        emptyText={search.q ? 'No authorisation matches.' : 'No authorisation is recorded.'}
      />
    </>
  );
}
