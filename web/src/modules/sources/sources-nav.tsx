import { Link } from '@tanstack/react-router';
import { useCan } from '../../auth/abilities';

/**
 * The module's own pages, as links under its header: the register and the week for everyone read in, the queue
 * for those who authorise, the central record for those who keep or inspect it.
 */
export function SourcesNav() {
  const canAuthorise = useCan('sources:authorise');
  const canReadRecords = useCan('sources:records');
  return (
    <nav className="sources-nav" aria-label="Sources">
      <Link to="/sources" className="sources-nav__link" activeOptions={{ exact: true, includeSearch: false }}>
        My sources
      </Link>
      <Link to="/sources/dashboard" className="sources-nav__link" activeOptions={{ includeSearch: false }}>
        My week
      </Link>
      {canAuthorise ? (
        <Link to="/sources/queue" className="sources-nav__link">
          Decisions waiting
        </Link>
      ) : null}
      {canReadRecords ? (
        <Link to="/sources/central-record" className="sources-nav__link">
          Central record
        </Link>
      ) : null}
    </nav>
  );
}
