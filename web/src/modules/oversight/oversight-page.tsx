import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { DataTable } from '../../ui/table/data-table';
import { auditEventsQuery } from './audit.api';
import { AuditFilterForm } from './audit-filters';
import { auditColumns } from './audit-columns';
import { oversightModule } from './oversight.module';
import { VerifyChain } from './verify-chain';
import './oversight.css';

const routeApi = getRouteApi('/app/oversight');

export function OversightPage() {
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const events = useInfiniteQuery(auditEventsQuery(filters));
  const rows = useMemo(() => events.data?.pages.flatMap((page) => page.events) ?? [], [events.data]);
  const page = useMemo(() => ({ items: rows, total: rows.length, limit: rows.length, offset: 0 }), [rows]);
  return (
    <>
      <PageHeader
        eyebrow={oversightModule.nav?.group}
        title={oversightModule.nav?.title ?? 'Oversight & audit'}
        description="The tamper-evident record of what was read and changed, by whom and when."
      />
      <div className="oversight">
        <section className="oversight__section" aria-labelledby="verify-heading">
          <h2 id="verify-heading" className="oversight__heading">
            Tamper evidence
          </h2>
          <p className="oversight__muted">
            Checks every event's hash, the hash chain and the signed checkpoints, and names the first bad
            event.
          </p>
          <VerifyChain />
        </section>
        <section className="oversight__section" aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="oversight__heading">
            Audit trail
          </h2>
          <AuditFilterForm
            key={JSON.stringify(filters)}
            filters={filters}
            onApply={(next) => void navigate({ search: next })}
          />
          {events.error ? (
            <Alert tone="danger" title="The audit trail could not be loaded">
              {events.error.message}
            </Alert>
          ) : null}
          <DataTable
            label="Audit events, newest first"
            columns={auditColumns}
            page={page}
            getRowId={(event) => event.seq}
            isLoading={events.isPending}
            emptyText="No events match."
            footer={
              events.hasNextPage ? (
                <div>
                  <Button
                    variant="secondary"
                    busy={events.isFetchingNextPage}
                    onClick={() => void events.fetchNextPage()}
                  >
                    Load older
                  </Button>
                </div>
              ) : null
            }
          />
        </section>
      </div>
    </>
  );
}
