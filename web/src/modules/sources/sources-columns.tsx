import { Link } from '@tanstack/react-router';
import type { SourceSummaryView } from '#shared/contracts/sources';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { columnsFor } from '../../ui/table/columns';
import { FlagList } from './source-flags';
import { sourceStatusScheme, sourceTypeShortLabels } from './sources-labels';

const col = columnsFor<SourceSummaryView>();

/** Days before expiry the register warns (the server's `expiringSoon` flag says the same from its configuration). */
export const expiryWarningDays = 30;

/**
 * The register: pseudonyms and URNs only. Column ids are the contract's sort fields, so a header
 * click sorts on the server; the URN opens the source's page.
 */
export const sourceColumns = col.columns([
  col.accessor('urn', {
    header: 'URN',
    meta: { rowHeader: true, mono: true },
    cell: (info) => (
      <Link to="/sources/$sourceId" params={{ sourceId: info.row.original.id }}>
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor('pseudonym', { header: 'Pseudonym' }),
  col.accessor('type', {
    header: 'Type',
    enableSorting: false,
    cell: (info) => sourceTypeShortLabels[info.getValue()] ?? info.getValue(),
  }),
  col.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} scheme={sourceStatusScheme} />,
  }),
  col.accessor('flags', {
    header: 'Flags',
    enableSorting: false,
    cell: (info) => <FlagList flags={info.getValue()} />,
  }),
  col.accessor('handlers', {
    header: 'Handlers',
    enableSorting: false,
    cell: (info) =>
      info
        .getValue()
        .map((h) => h.displayName)
        .join(', ') || '—',
  }),
  col.accessor('nextReviewDue', {
    header: 'Next review',
    cell: (info) => {
      const due = info.getValue();
      if (!due) return '—';
      if (!info.row.original.flags.authorisationInForce) return <span className="sources-muted">—</span>;
      return <Clock at={due} label="Review due" passedLabel="Overdue" warnWithinDays={7} compact />;
    },
  }),
  col.accessor('expiresAt', {
    header: 'Expiry',
    cell: (info) => {
      const at = info.getValue();
      if (!at) return '—';
      // Only an authorisation in force has a clock; a past one's end is a date.
      if (!info.row.original.flags.authorisationInForce)
        return <span className="sources-muted">ended {format.date(at)}</span>;
      return (
        <Clock at={at} label="Expires" passedLabel="Expired" warnWithinDays={expiryWarningDays} compact />
      );
    },
  }),
]);
