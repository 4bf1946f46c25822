import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { SourceView } from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { format } from '../../ui/format';
import { RefusalAlert } from '../../ui/refusal-alert';
import { StatusBadge } from '../../ui/status-badge';
import { completenessQuery, timelineQuery } from './handling.api';
import { particularStateScheme, tabOfRecord } from './handling-labels';
import { HandlingSection } from './handling-parts';

/**
 * The complete record (SI 2000/2725 reg. 3): the 14 particulars (a)–(n), each present, missing or
 * not applicable, with a link to the tab where it is recorded.
 */
export function SourceRecord({ source }: { source: SourceView }) {
  const record = useQuery(completenessQuery(source.id));
  if (record.isPending) return <p className="sources-muted">Loading…</p>;
  if (!record.data) return <RefusalAlert error={record.error} title="The record could not be loaded" />;
  const { complete, particulars } = record.data;
  const missing = particulars.filter((p) => p.state === 'missing').length;
  return (
    <HandlingSection id="record" title="The record (reg. 3)">
      {complete ? (
        <Alert tone="success" title="The record is complete">
          Every particular is present, or not applicable where the law says so.
        </Alert>
      ) : (
        <Alert tone="warning" title={`${missing} particular${missing === 1 ? '' : 's'} missing`}>
          Each missing particular links to where it is recorded.
        </Alert>
      )}
      <table className="handling-table" aria-label="Particulars of reg. 3">
        <thead>
          <tr>
            <th scope="col">Reg. 3</th>
            <th scope="col">Particular</th>
            <th scope="col">State</th>
            <th scope="col">Entries</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {particulars.map((p) => (
            <tr key={p.particular} data-particular={p.particular}>
              <td>({p.particular})</td>
              <td>{p.title}</td>
              <td>
                <StatusBadge status={p.state} scheme={particularStateScheme} />
              </td>
              <td>{p.count}</td>
              <td>
                <Link
                  to="/sources/$sourceId"
                  params={{ sourceId: source.id }}
                  search={{ tab: tabOfRecord(p.recordedAt) }}
                  aria-label={`Where (${p.particular}) is recorded`}
                >
                  Open
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </HandlingSection>
  );
}

/** The whole life in order: approval, recruitment, authorisations, roles, handling, reviews, cancellation. */
export function SourceTimeline({ source }: { source: SourceView }) {
  const timeline = useQuery(timelineQuery(source.id));
  if (timeline.isPending) return <p className="sources-muted">Loading…</p>;
  if (!timeline.data) return <RefusalAlert error={timeline.error} title="The timeline could not be loaded" />;
  return (
    <HandlingSection id="timeline" title="Timeline">
      <ol className="source-list" aria-label="Timeline">
        {timeline.data.items.map((item) => (
          <li key={`${item.at}-${item.kind}-${item.subjectId ?? item.title}`} className="source-item">
            <div className="source-item__head">
              <time dateTime={item.at}>{format.dateTime(item.at)}</time>
              <span className="source-item__title">{item.title}</span>
              {item.by ? <span className="sources-muted">{item.by.displayName}</span> : null}
            </div>
          </li>
        ))}
      </ol>
    </HandlingSection>
  );
}
