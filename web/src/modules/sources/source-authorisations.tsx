import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { AuthorisationView, SourceView } from '#shared/contracts/sources';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { ApplicationFacts, DecisionFacts } from './authorisation-details';
import { ApplicationDialog, RenewalDialog, ReviewDialog, WriteUpDialog } from './authorisation-forms';
import { JudicialApprovalDialog } from './cca-forms';
import { expiryWarningDays } from './sources-columns';
import { authorisationStateScheme } from './sources-labels';

type Dialog = { kind: 'review' | 'renew' | 'judicial' | 'write-up'; authorisation: AuthorisationView } | null;

/**
 * The clocks of an authorisation: its expiry, its next review, and an urgent oral grant's write-up
 * until it is recorded — each amber when close and red once passed.
 */
export function AuthorisationClocks({ authorisation: a }: { authorisation: AuthorisationView }) {
  const writeUpOwed = a.writeUpDueAt !== null && a.writtenUpAt === null;
  if (!a.inForce && a.state !== 'expired' && !writeUpOwed) return null;
  return (
    <div className="source-item__clocks">
      {writeUpOwed ? (
        <Clock
          at={a.writeUpDueAt!}
          label="Write-up due"
          passedLabel="Write-up overdue"
          warnWithinDays={1}
          withTime
        />
      ) : null}
      {a.expiresAt && (a.inForce || a.state === 'expired') ? (
        <Clock
          at={a.expiresAt}
          label="Expires"
          passedLabel="Expired"
          warnWithinDays={expiryWarningDays}
          withTime={a.urgency === 'urgent'}
        />
      ) : null}
      {a.inForce && a.nextReviewDue ? (
        <Clock at={a.nextReviewDue} label="Next review due" passedLabel="Review overdue" warnWithinDays={7} />
      ) : null}
    </div>
  );
}

function DecideLink({ sourceId, itemId, label }: { sourceId: string; itemId: string; label: string }) {
  return (
    <Link
      to="/sources/$sourceId/decisions/$itemId"
      params={{ sourceId, itemId }}
      className="button button--primary button--sm"
    >
      {label}
    </Link>
  );
}

function AuthorisationItem({
  source,
  authorisation: a,
  onDialog,
}: {
  source: SourceView;
  authorisation: AuthorisationView;
  onDialog: (dialog: Dialog) => void;
}) {
  return (
    <li className="source-item" aria-label={`Authorisation, ${a.operation}`}>
      <div className="source-item__head">
        <span className="source-item__title">{a.operation}</span>
        <StatusBadge status={a.state} scheme={authorisationStateScheme} />
        {a.inForce ? <Badge tone="success">In force</Badge> : null}
        {a.urgency === 'urgent' ? <Badge tone="warning">Urgent</Badge> : null}
        {a.higherLevel ? <Badge tone="info">Higher level</Badge> : null}
      </div>
      <AuthorisationClocks authorisation={a} />
      <div className="source-actions">
        {a.abilities.decide ? (
          <DecideLink sourceId={source.id} itemId={a.id} label="Decide on the application" />
        ) : null}
        {a.abilities.review ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onDialog({ kind: 'review', authorisation: a })}
          >
            Review
          </Button>
        ) : null}
        {a.abilities.renew ? (
          <Button variant="secondary" size="sm" onClick={() => onDialog({ kind: 'renew', authorisation: a })}>
            Apply for a renewal
          </Button>
        ) : null}
        {a.abilities.writeUp ? (
          <Button size="sm" onClick={() => onDialog({ kind: 'write-up', authorisation: a })}>
            Write up the urgent grant
          </Button>
        ) : null}
        {a.abilities.recordJudicialApproval ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onDialog({ kind: 'judicial', authorisation: a })}
          >
            Record a Judicial Commissioner's approval
          </Button>
        ) : null}
      </div>
      <DecisionFacts authorisation={a} />
      {a.writtenUpAt && a.writeUp ? (
        <details>
          <summary>
            Written up {format.dateTime(a.writtenUpAt)} by {a.writtenUpBy?.displayName}
          </summary>
          <p>{a.writeUp}</p>
        </details>
      ) : null}
      <details>
        <summary>The application</summary>
        <ApplicationFacts authorisation={a} />
      </details>
      {a.reviews.length > 0 ? (
        <ul className="source-list" aria-label="Reviews">
          {a.reviews.map((review) => (
            <li key={review.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">Review of {format.date(review.submittedAt)}</span>
                <span className="sources-muted">by {review.submittedBy.displayName}</span>
                {review.consideredAt ? (
                  <Badge tone="success">Considered by {review.consideredBy?.displayName}</Badge>
                ) : (
                  <Badge tone="info">Awaiting the authorising officer</Badge>
                )}
                {review.abilities.consider ? (
                  <DecideLink sourceId={source.id} itemId={review.id} label="Consider the review" />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {a.renewals.length > 0 ? (
        <ul className="source-list" aria-label="Renewals">
          {a.renewals.map((renewal) => (
            <li key={renewal.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">Renewal applied {format.date(renewal.appliedAt)}</span>
                <StatusBadge status={renewal.state} scheme={authorisationStateScheme} />
                {renewal.newExpiry ? (
                  <span className="sources-muted">runs to {format.dateTime(renewal.newExpiry)}</span>
                ) : null}
                {renewal.abilities.decide ? (
                  <DecideLink sourceId={source.id} itemId={renewal.id} label="Decide on the renewal" />
                ) : null}
              </div>
              {renewal.reasons ? <p className="sources-muted">{renewal.reasons}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {a.judicialApprovals.map((approval) => (
        <p key={approval.id} className="sources-muted">
          Judicial Commissioner approval {approval.reference} of {format.date(approval.approvedOn)}
        </p>
      ))}
    </li>
  );
}

/** The source's authorisations, newest first, each with its clocks, reviews and renewals. */
export function SourceAuthorisations({ source }: { source: SourceView }) {
  const [applying, setApplying] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  const authorisations = [...source.authorisations].sort((x, y) => y.appliedAt.localeCompare(x.appliedAt));
  return (
    <section className="source-section" aria-labelledby="authorisations-heading">
      <header className="source-section__header">
        <h2 className="source-section__title" id="authorisations-heading">
          Authorisations
        </h2>
        {source.abilities.apply ? (
          <Button variant="secondary" onClick={() => setApplying(true)}>
            Apply for an authorisation
          </Button>
        ) : null}
      </header>
      {authorisations.length === 0 ? (
        <p className="sources-muted">No authorisation has been applied for.</p>
      ) : (
        <ul className="source-list" aria-label="Authorisations">
          {authorisations.map((a) => (
            <AuthorisationItem key={a.id} source={source} authorisation={a} onDialog={setDialog} />
          ))}
        </ul>
      )}
      {applying ? <ApplicationDialog source={source} isOpen onOpenChange={setApplying} /> : null}
      {dialog?.kind === 'review' ? (
        <ReviewDialog source={source} authorisation={dialog.authorisation} isOpen onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'renew' ? (
        <RenewalDialog source={source} authorisation={dialog.authorisation} isOpen onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'write-up' ? (
        <WriteUpDialog source={source} authorisation={dialog.authorisation} isOpen onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'judicial' ? (
        <JudicialApprovalDialog
          source={source}
          authorisation={dialog.authorisation}
          isOpen
          onOpenChange={close}
        />
      ) : null}
    </section>
  );
}
