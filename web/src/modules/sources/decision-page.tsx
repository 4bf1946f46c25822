import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { AuthorisationView } from '#shared/contracts/sources';
import { isApiError } from '../../api/client';
import { Alert } from '../../ui/alert';
import { Card } from '../../ui/card';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { RefusalAlert } from '../../ui/refusal-alert';
import { NotFoundPage } from '../not-found/not-found-page';
import { ApplicationFacts, CcaFacts, DecisionFacts, Facts } from './authorisation-details';
import {
  ApproachDecisionForm,
  CcaDecisionForm,
  GrantDecisionForm,
  ReviewDecisionForm,
} from './decision-forms';
import { findDecisionItem, mayDecide } from './decision-item';
import { FlagList } from './source-flags';
import { expiryWarningDays } from './sources-columns';
import { sourceQuery } from './sources.api';
import { queueKindLabels } from './sources-labels';
import './sources.css';

const routeApi = getRouteApi('/app/sources/$sourceId/decisions/$itemId');

/** The reviews recorded since the authorisation's last grant: what a renewal needs (RIPA s.43(6)-(7)). */
function ReviewsSince({ authorisation }: { authorisation: AuthorisationView }) {
  const reviews = authorisation.reviews;
  if (reviews.length === 0) {
    return <p className="sources-muted">No review has been recorded for this authorisation.</p>;
  }
  return (
    <ul className="source-list" aria-label="Reviews recorded">
      {reviews.map((r) => (
        <li key={r.id} className="source-item">
          <Facts
            items={[
              ['Submitted', `${format.dateTime(r.submittedAt)} by ${r.submittedBy.displayName}`],
              ['Considered', r.consideredAt ? format.dateTime(r.consideredAt) : 'Not yet'],
              ['Use made of the source', r.useMade, 'wide'],
              ['Tasks given', r.tasks, 'wide'],
              ['Information obtained', r.information, 'wide'],
              ['Security and welfare', r.welfare, 'wide'],
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

/**
 * The decision screen of one item of the AO's queue: the source's flags, what is to be decided with
 * its clock, and the decision form — offered only while the record says the AO may decide it.
 */
export function DecisionPage() {
  const { sourceId, itemId } = routeApi.useParams();
  const source = useQuery(sourceQuery(sourceId));
  if (source.isPending) return <p className="sources-muted">Loading…</p>;
  if (isApiError(source.error) && (source.error.status === 404 || source.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!source.data) return <RefusalAlert error={source.error} title="The source could not be loaded" />;
  const s = source.data;
  const item = findDecisionItem(s, itemId);
  if (!item) return <NotFoundPage />;
  return (
    <div className="decision-page">
      <PageHeader
        eyebrow={`${s.urn} · ${s.pseudonym}`}
        title={`${queueKindLabels[item.kind]}: decision`}
        description={<FlagList flags={s.flags} empty="No flag on this source" />}
        actions={
          <Link to="/sources/queue" className="button button--ghost">
            Back to the queue
          </Link>
        }
      />
      {item.kind !== 'cca' && item.kind !== 'approach' && item.authorisation.higherLevel ? (
        <Alert tone="warning" role="note" title="A higher authorisation level applies">
          A juvenile, a vulnerable source or privileged material: the decision needs an authorising officer of
          the higher level.
        </Alert>
      ) : null}
      <Card aria-label="What is to be decided">
        {item.kind === 'approach' ? (
          <Facts
            items={[
              [
                'Requested',
                `${format.dateTime(item.request.requestedAt)} by ${item.request.requestedBy.displayName}`,
              ],
              ['Waiting', <Clock key="age" at={item.request.requestedAt} label="Waiting since" withTime />],
              ['Approaching officer', item.request.approachingOfficer.displayName],
              ['Why approach', item.request.rationale, 'wide'],
              ['Risk of the approach', item.request.risk, 'wide'],
              ['Bona-fides arrangement', item.request.bonaFides, 'wide'],
            ]}
          />
        ) : null}
        {item.kind === 'application' ? <ApplicationFacts authorisation={item.authorisation} /> : null}
        {item.kind === 'renewal' ? (
          <div className="source-page">
            <Facts
              items={[
                [
                  'Applied',
                  `${format.dateTime(item.renewal.appliedAt)} by ${item.renewal.appliedBy.displayName}`,
                ],
                ['Operation', item.authorisation.operation],
                [
                  'Current expiry',
                  item.authorisation.expiresAt ? (
                    <Clock
                      key="expiry"
                      at={item.authorisation.expiresAt}
                      label="Expires"
                      passedLabel="Expired"
                      warnWithinDays={expiryWarningDays}
                    />
                  ) : null,
                ],
                ['Why it should continue', item.renewal.justification, 'wide'],
              ]}
            />
            <h2 className="source-section__title">Reviews</h2>
            <ReviewsSince authorisation={item.authorisation} />
            <DecisionFacts authorisation={item.authorisation} />
          </div>
        ) : null}
        {item.kind === 'review' ? (
          <Facts
            items={[
              [
                'Submitted',
                `${format.dateTime(item.review.submittedAt)} by ${item.review.submittedBy.displayName}`,
              ],
              ['Operation', item.authorisation.operation],
              ['Use made of the source', item.review.useMade, 'wide'],
              ['Tasks given', item.review.tasks, 'wide'],
              ['Information obtained', item.review.information, 'wide'],
              ['Security and welfare', item.review.welfare, 'wide'],
            ]}
          />
        ) : null}
        {item.kind === 'cca' ? <CcaFacts cca={item.cca} /> : null}
      </Card>
      {mayDecide(item) ? (
        <Card aria-label="Your decision">
          {item.kind === 'application' || item.kind === 'renewal' ? (
            <GrantDecisionForm
              source={s}
              kind={item.kind}
              itemId={item.kind === 'application' ? item.authorisation.id : item.renewal.id}
            />
          ) : null}
          {item.kind === 'approach' ? <ApproachDecisionForm source={s} requestId={item.request.id} /> : null}
          {item.kind === 'review' ? <ReviewDecisionForm source={s} reviewId={item.review.id} /> : null}
          {item.kind === 'cca' ? <CcaDecisionForm source={s} ccaId={item.cca.id} /> : null}
        </Card>
      ) : (
        <Alert tone="info" title="Not for you to decide">
          It has been decided, or the rules do not let you decide it (your own case, the level, or three
          different people).
        </Alert>
      )}
    </div>
  );
}
