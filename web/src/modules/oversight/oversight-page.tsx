import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionQuery } from '../../auth/session';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { type AuditFilters, auditEventsQuery, emptyFilters } from './audit.api';
import { AuditFilterForm } from './audit-filters';
import { oversightModule } from './oversight.module';
import { VerifyChain } from './verify-chain';
import './oversight.css';

/** Roles that hold `audit:read` on the server (platform/auth/permissions.ts). */
const auditRoles = ['inspector', 'admin'];

export function OversightPage() {
  const { data: user } = useQuery(sessionQuery);
  const allowed = user?.roles.some((role) => auditRoles.includes(role)) ?? false;
  return (
    <>
      <PageHeader
        eyebrow={oversightModule.group}
        title={oversightModule.title}
        description={oversightModule.description}
      />
      {allowed ? (
        <AuditViewer />
      ) : (
        <Alert tone="warning" title="Inspector and administrators only">
          The audit trail is open to the inspector and administrators.
        </Alert>
      )}
    </>
  );
}

function AuditViewer() {
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters);
  const events = useInfiniteQuery(auditEventsQuery(filters));
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <div className="oversight">
      <section className="oversight__section" aria-labelledby="verify-heading">
        <h2 id="verify-heading" className="oversight__heading">
          Tamper evidence
        </h2>
        <p className="oversight__muted">
          Checks every event's hash, the hash chain and the signed checkpoints, and names the first bad event.
        </p>
        <VerifyChain />
      </section>
      <section className="oversight__section" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="oversight__heading">
          Audit trail
        </h2>
        <AuditFilterForm onApply={setFilters} />
        {events.error ? (
          <Alert tone="danger" title="The audit trail could not be loaded">
            {events.error.message}
          </Alert>
        ) : null}
        <div className="audit-table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Fields</th>
                <th scope="col">Request</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.seq}>
                  <td className="audit-table__mono">{e.seq}</td>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.actorUsername ?? (e.actorId ? e.actorId : 'system')}</td>
                  <td className="audit-table__mono">{e.action}</td>
                  <td>
                    {e.recordType ? <span className="audit-table__type">{e.recordType}</span> : null}
                    {e.recordId ? (
                      <span className="audit-table__mono audit-table__id"> {e.recordId}</span>
                    ) : null}
                  </td>
                  <td>{e.fields.join(', ')}</td>
                  <td className="audit-table__mono audit-table__id">{e.requestId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.isSuccess && rows.length === 0 ? (
            <p className="oversight__muted">No events match.</p>
          ) : null}
        </div>
        {events.hasNextPage ? (
          <Button
            variant="secondary"
            busy={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            Load older
          </Button>
        ) : null}
      </section>
    </div>
  );
}
