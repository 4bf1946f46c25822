import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useCan } from '../../../web/src/auth/abilities';
import { Button } from '../../../web/src/ui/button';
import { PageHeader } from '../../../web/src/ui/page-header';
import { RefusalAlert } from '../../../web/src/ui/refusal-alert';
import { SearchField } from '../../../web/src/ui/search-field';
import { DataTable } from '../../../web/src/ui/table/data-table';
import { useSearchText } from '../../../web/src/ui/table/use-search-text';
import { toast } from '../../../web/src/ui/toast';
import type { FixtureRecordView } from '../fixture.contract';
import { deleteFixtureRecord, fixtureKey, fixtureRecordsQuery } from './fixture.api';
import { fixtureColumns } from './fixture-columns';
import { fixtureWebModule } from './fixture.module';
import { CreateFixtureDialog } from './create-fixture-dialog';
import './fixture.css';

const routeApi = getRouteApi('/app/fixture');

/**
 * The reference module's page: the records one may see in a table paged, sorted and searched by
 * the server with its state in the URL, and a form to create one. What is shown follows the
 * permissions and each record's abilities the server sends (CONVENTIONS rule 15).
 */
export function FixturePage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [text, setText] = useSearchText(search.q, (q) => setSearch({ q, offset: 0 }));
  const records = useQuery(fixtureRecordsQuery(search));
  const canWrite = useCan('fixture:write');
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (record: FixtureRecordView) => deleteFixtureRecord(record.id),
    onSuccess: (_, record) => {
      toast.success(`Deleted ${record.reference}.`);
      return queryClient.invalidateQueries({ queryKey: fixtureKey });
    },
  });
  const columns = useMemo(
    () => fixtureColumns({ onDelete: (record) => remove.mutate(record) }),
    [remove.mutate],
  );

  return (
    <>
      <PageHeader
        eyebrow={fixtureWebModule.nav?.group}
        title={fixtureWebModule.nav?.title ?? 'Reference records'}
        description="Records in compartments you are read into, at or below your clearance."
        actions={
          canWrite ? (
            <Button variant="secondary" onClick={() => setCreating(true)}>
              New record
            </Button>
          ) : null
        }
      />
      {canWrite ? <CreateFixtureDialog isOpen={creating} onOpenChange={setCreating} /> : null}
      <div className="fixture-filters">
        <SearchField label="Search title or reference" value={text} onChange={setText} />
      </div>
      <RefusalAlert error={records.error} title="The records could not be loaded" />
      <RefusalAlert error={remove.error} title="The record was not deleted" />
      <DataTable
        label="Reference records"
        columns={columns}
        page={records.data}
        getRowId={(record) => record.id}
        search={search}
        onSearchChange={setSearch}
        isLoading={records.isPending}
        emptyText={search.q ? `No record matches “${search.q}”.` : 'No records you may see.'}
      />
    </>
  );
}
