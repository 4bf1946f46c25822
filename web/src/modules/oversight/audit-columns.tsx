import type { AuditEventView } from '#shared/contracts/audit';
import { format } from '../../ui/format';
import { columnsFor } from '../../ui/table/columns';

const col = columnsFor<AuditEventView>();

/** The audit trail's columns: newest first, as the server answers (keyset-paged, not sortable). */
export const auditColumns = col.columns([
  col.accessor('seq', { header: '#', meta: { rowHeader: true, mono: true } }),
  col.accessor('at', { header: 'Time', cell: (info) => format.dateTimeSeconds(info.getValue()) }),
  col.accessor((event) => event.actorUsername ?? event.actorId ?? 'system', { id: 'actor', header: 'Actor' }),
  col.accessor('action', { header: 'Action', meta: { mono: true } }),
  col.accessor('recordType', {
    id: 'record',
    header: 'Record',
    cell: (info) => {
      const event = info.row.original;
      return (
        <>
          {event.recordType ? <span className="audit-record__type">{event.recordType}</span> : null}
          {event.recordId ? <span className="audit-record__id"> {event.recordId}</span> : null}
        </>
      );
    },
  }),
  col.accessor((event) => event.fields.join(', '), { id: 'fields', header: 'Fields' }),
  col.accessor((event) => event.requestId ?? '', {
    id: 'request',
    header: 'Request',
    cell: (info) => <span className="audit-record__id">{info.getValue()}</span>,
  }),
]);
