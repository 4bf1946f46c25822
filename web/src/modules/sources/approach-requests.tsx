import { Link } from '@tanstack/react-router';
import type { SourceView } from '#shared/contracts/sources';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { Facts } from './authorisation-details';

const stateLabels: Record<SourceView['approachRequests'][number]['state'], [string, BadgeTone]> = {
  requested: ['Waiting for a decision', 'warning'],
  approved: ['Approved', 'success'],
  refused: ['Refused', 'danger'],
};

/**
 * The requests to approach a prospect and their decisions (LAW.md §1), oldest first: a waiting one
 * with its age and, for an authorising officer who may decide it, the way to the decision screen; a
 * refused one with the AO's reasons (the prospect stays a prospect, and a new request may follow).
 */
export function ApproachRequests({ source }: { source: SourceView }) {
  if (source.approachRequests.length === 0) return null;
  return (
    <section className="source-section" aria-labelledby="approach-requests-heading">
      <h2 className="source-section__title" id="approach-requests-heading">
        Requests to approach
      </h2>
      <ul className="source-list">
        {source.approachRequests.map((r) => {
          const [label, tone] = stateLabels[r.state];
          return (
            <li key={r.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">
                  <Badge tone={tone}>{label}</Badge>
                </span>
                {r.state === 'requested' ? <Clock at={r.requestedAt} label="Waiting since" withTime /> : null}
                {r.abilities.decide ? (
                  <Link
                    to="/sources/$sourceId/decisions/$itemId"
                    params={{ sourceId: source.id, itemId: r.id }}
                    className="button button--primary button--sm"
                  >
                    Decide on the approach
                  </Link>
                ) : null}
              </div>
              <Facts
                items={[
                  ['Requested', `${format.dateTime(r.requestedAt)} by ${r.requestedBy.displayName}`],
                  ['Approaching officer', r.approachingOfficer.displayName],
                  [
                    'Decided',
                    r.decidedAt && r.decidedBy
                      ? `${format.dateTime(r.decidedAt)} by ${r.decidedBy.displayName}`
                      : null,
                  ],
                  ['Reasons', r.reasons, 'wide'],
                  ['Why approach', r.rationale, 'wide'],
                  ['Risk', r.risk, 'wide'],
                  ['Bona-fides arrangement', r.bonaFides, 'wide'],
                ]}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
