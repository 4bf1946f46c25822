import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { QueueItemView } from '#shared/contracts/sources';
import { Badge } from '../../ui/badge';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { columnsFor } from '../../ui/table/columns';
import { DataTable } from '../../ui/table/data-table';
import { queueQuery } from './sources.api';
import { queueKindLabels } from './sources-labels';
import { SourcesNav } from './sources-nav';
import './sources.css';

const col = columnsFor<QueueItemView>();

const queueColumns = col.columns([
  col.accessor('kind', {
    header: 'Waiting',
    cell: (info) => queueKindLabels[info.getValue()] ?? info.getValue(),
  }),
  col.accessor('urn', { header: 'URN', meta: { rowHeader: true, mono: true } }),
  col.accessor('pseudonym', { header: 'Pseudonym' }),
  col.accessor('submittedAt', {
    header: 'Submitted',
    cell: (info) => (
      <>
        {format.dateTime(info.getValue())}
        <br />
        <span className="sources-muted">by {info.row.original.submittedBy.displayName}</span>
      </>
    ),
  }),
  col.display({
    id: 'clock',
    header: 'Clock',
    cell: (info) => {
      const item = info.row.original;
      return (
        <span className="flag-list">
          {item.urgency === 'urgent' ? <Badge tone="warning">Urgent</Badge> : null}
          {item.higherLevel ? <Badge tone="info">Higher level</Badge> : null}
          {item.deadline ? (
            <Clock
              at={item.deadline}
              label="Deadline"
              passedLabel="Deadline passed"
              warnWithinDays={7}
              withTime
            />
          ) : (
            <Clock at={item.submittedAt} label="Waiting since" withTime />
          )}
        </span>
      );
    },
  }),
  col.display({
    id: 'decide',
    header: 'Decision',
    meta: { hiddenHeader: true },
    cell: (info) => {
      const item = info.row.original;
      return item.mayDecide ? (
        <Link
          to="/sources/$sourceId/decisions/$itemId"
          params={{ sourceId: item.sourceId, itemId: item.id }}
          className="button button--primary button--sm"
          aria-label={`Decide: ${queueKindLabels[item.kind]} for ${item.urn}`}
        >
          Decide
        </Link>
      ) : (
        <span className="sources-muted">Not yours to decide</span>
      );
    },
  }),
]);

/**
 * The AO's queue (issue 20, item 6): applications, renewals, reviews and criminal conduct
 * authorisations waiting for a decision, oldest first as the server orders them, each with its clock.
 */
export function QueuePage() {
  const queue = useQuery(queueQuery);
  const items = queue.data ?? [];
  return (
    <>
      <PageHeader
        eyebrow="Sources"
        title="Decisions waiting"
        description="Applications, renewals, reviews and criminal conduct authorisations put to you, oldest first."
      />
      <SourcesNav />
      <RefusalAlert error={queue.error} title="The queue could not be loaded" />
      <DataTable
        label="Decisions waiting"
        columns={queueColumns}
        page={queue.data ? { items, total: items.length, limit: items.length || 1, offset: 0 } : undefined}
        getRowId={(item) => `${item.kind}-${item.id}`}
        isLoading={queue.isPending}
        emptyText="Nothing waits for your decision."
      />
    </>
  );
}
