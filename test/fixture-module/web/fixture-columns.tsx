import { Badge } from '../../../web/src/ui/badge';
import { Button } from '../../../web/src/ui/button';
import { format } from '../../../web/src/ui/format';
import { columnsFor } from '../../../web/src/ui/table/columns';
import type { FixtureRecordView } from '../fixture.contract';

const col = columnsFor<FixtureRecordView>();

/**
 * The records table. Column ids are the contract's sort fields, so a header click sorts on the
 * server. The delete button is shown by the record's `abilities`, never by role.
 */
export function fixtureColumns({ onDelete }: { onDelete: (record: FixtureRecordView) => void }) {
  return col.columns([
    col.accessor('reference', { header: 'Reference', meta: { rowHeader: true, mono: true } }),
    col.accessor('title', { header: 'Title' }),
    col.accessor('classification', {
      header: 'Marking',
      cell: (info) => (
        <>
          <Badge>{info.getValue()}</Badge>
          {info.row.original.caveats.length > 0 ? ` ${info.row.original.caveats.join(', ')}` : null}
        </>
      ),
    }),
    col.accessor('createdAt', { header: 'Created', cell: (info) => format.dateTime(info.getValue()) }),
    col.display({
      id: 'actions',
      header: 'Actions',
      meta: { hiddenHeader: true },
      cell: (info) =>
        info.row.original.abilities.delete ? (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Delete ${info.row.original.reference}`}
            onClick={() => onDelete(info.row.original)}
          >
            Delete
          </Button>
        ) : null,
    }),
  ]);
}
