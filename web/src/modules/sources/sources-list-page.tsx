import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { type SourceFlagFilter, type SourceStatus, sourceStatuses } from '#shared/contracts/sources';
import { useCan } from '../../auth/abilities';
import { Button } from '../../ui/button';
import { DatePicker } from '../../ui/date-picker';
import { dateValueToIsoDate, isoDateToDateValue } from '../../ui/date-values';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { SearchField } from '../../ui/search-field';
import { Select } from '../../ui/select';
import { statusStyle } from '../../ui/status-badge';
import { DataTable } from '../../ui/table/data-table';
import { useSearchText } from '../../ui/table/use-search-text';
import { CreateSourceDialog } from './create-source-dialog';
import { sourcesQuery } from './sources.api';
import { sourceColumns } from './sources-columns';
import { flagFilterLabels, sourceStatusScheme } from './sources-labels';
import { SourcesNav } from './sources-nav';
import './sources.css';

const routeApi = getRouteApi('/app/sources/');

const anyStatus = 'any';
const statusOptions = [
  { id: anyStatus, label: 'Any status' },
  ...sourceStatuses.map((s) => ({ id: s, label: statusStyle(sourceStatusScheme, s).label })),
];
const anyFlag = 'any';
const flagOptions = [
  { id: anyFlag, label: 'Any flag' },
  ...Object.entries(flagFilterLabels).map(([id, label]) => ({ id, label })),
];
const orderOptions = [
  { id: 'urn', label: 'URN' },
  { id: 'nextReviewDue', label: 'Next review due, soonest first' },
  { id: 'expiresAt', label: 'Expiry, soonest first' },
  { id: '-createdAt', label: 'Newest first' },
] as const;

/**
 * My sources: the register of the sources one is read into — pseudonyms and URNs, never a true
 * name — filtered by status, a next review or an expiry before a date, and a flag; ordered by the
 * next review or the expiry; its state in the URL.
 */
export function SourcesListPage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const [text, setText] = useSearchText(search.q, (q) =>
    navigate({ search: (prev) => ({ ...prev, q, offset: 0 }), replace: true }),
  );
  const sources = useQuery(sourcesQuery(search));
  const canHandle = useCan('sources:handle');
  const [creating, setCreating] = useState(false);
  const order = orderOptions.some((o) => o.id === search.sort) ? search.sort : null;

  return (
    <>
      <PageHeader
        eyebrow="Intelligence"
        title="Sources"
        description="The sources you are read into, by pseudonym and unique reference number."
        actions={
          canHandle ? (
            <Button variant="secondary" onClick={() => setCreating(true)}>
              New prospect
            </Button>
          ) : null
        }
      />
      <SourcesNav />
      {canHandle ? <CreateSourceDialog isOpen={creating} onOpenChange={setCreating} /> : null}
      <div className="sources-filters">
        <SearchField label="Search pseudonym or URN" value={text} onChange={setText} />
        <Select
          label="Status"
          options={statusOptions}
          value={search.status ?? anyStatus}
          onChange={(status) =>
            setSearch({ status: status === anyStatus ? undefined : (status as SourceStatus), offset: 0 })
          }
        />
        <Select
          label="Flag"
          options={flagOptions}
          value={search.flag ?? anyFlag}
          onChange={(flag) =>
            setSearch({ flag: flag === anyFlag ? undefined : (flag as SourceFlagFilter), offset: 0 })
          }
        />
        <DatePicker
          label="Review due before"
          value={isoDateToDateValue(search.reviewDueBefore)}
          onChange={(value) => setSearch({ reviewDueBefore: dateValueToIsoDate(value), offset: 0 })}
        />
        <DatePicker
          label="Expires before"
          value={isoDateToDateValue(search.expiresBefore)}
          onChange={(value) => setSearch({ expiresBefore: dateValueToIsoDate(value), offset: 0 })}
        />
        <Select
          label="Order by"
          options={orderOptions}
          value={order}
          placeholder="Column order"
          onChange={(sort) => setSearch({ sort, offset: 0 })}
        />
      </div>
      <RefusalAlert error={sources.error} title="The register could not be loaded" />
      <DataTable
        label="Sources"
        columns={sourceColumns}
        page={sources.data}
        getRowId={(source) => source.id}
        search={search}
        onSearchChange={setSearch}
        isLoading={sources.isPending}
        emptyText={
          search.q || search.status || search.flag || search.reviewDueBefore || search.expiresBefore
            ? 'No source you are read into matches.'
            : 'You are read into no source.'
        }
      />
    </>
  );
}
