import { useState } from 'react';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { format } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { pounds, rewardKindLabels, rewardStateScheme } from './handling-labels';
import { Detail, HandlingSection, type HandlingTabProps } from './handling-parts';
import { DisclosureDialog, RewardDecisionDialog, RewardDialog, RewardPaymentDialog } from './reward-forms';

/**
 * Rewards (reg. 3(n)): each requested, decided by a second officer, paid with a receipt; totals
 * over the source's life and per year of payment.
 */
export function SourceRewards({ source, handling }: HandlingTabProps) {
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [paying, setPaying] = useState<string | null>(null);
  const { abilities, rewardTotals: totals } = handling;
  const rewards = [...handling.rewards].reverse();
  return (
    <HandlingSection
      id="rewards"
      title="Rewards"
      actions={
        abilities.requestReward ? (
          <Button variant="secondary" onClick={() => setRequesting(true)}>
            Request a reward
          </Button>
        ) : null
      }
    >
      {source.type === 'undercover-officer' ? (
        <p className="sources-muted">Rewards are not recorded for an undercover officer (reg. 3(n)).</p>
      ) : null}
      <dl className="handling-details" aria-label="Totals">
        <Detail term="Paid in all">{pounds(totals.paidPence)}</Detail>
        <Detail term="Approved, not yet paid">{pounds(totals.approvedUnpaidPence)}</Detail>
        <Detail term="Offered">{pounds(totals.offeredPence)}</Detail>
        {totals.byYear.map((y) => (
          <Detail key={y.year} term={`Paid in ${y.year}`}>
            {pounds(y.paidPence)}
          </Detail>
        ))}
      </dl>
      {rewards.length === 0 ? (
        <p className="sources-muted">No reward recorded.</p>
      ) : (
        <ul className="source-list" aria-label="Rewards">
          {rewards.map((r) => (
            <li key={r.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">
                  {rewardKindLabels[r.kind]} of {pounds(r.amountPence)}
                </span>
                <StatusBadge status={r.state} scheme={rewardStateScheme} />
                {r.needsController ? <Badge tone="warning">The controller decides</Badge> : null}
              </div>
              <p>{r.description}</p>
              <dl className="handling-details">
                <Detail term="Requested">{`${r.requestedBy.displayName}, ${format.dateTime(r.requestedAt)}`}</Detail>
                <Detail term="Decided">
                  {r.decidedBy && r.decidedAt
                    ? `${r.decidedBy.displayName}, ${format.dateTime(r.decidedAt)}${r.reasons ? ` — ${r.reasons}` : ''}`
                    : null}
                </Detail>
                <Detail term="Paid">
                  {r.paidAt ? `${format.dateTime(r.paidAt)}, receipt ${r.receiptReference ?? ''}` : null}
                </Detail>
              </dl>
              <div className="source-actions">
                {abilities.decideReward && r.state === 'requested' ? (
                  <Button size="sm" variant="secondary" onClick={() => setDeciding(r.id)}>
                    Decide
                  </Button>
                ) : null}
                {abilities.requestReward && r.state === 'approved' ? (
                  <Button size="sm" variant="secondary" onClick={() => setPaying(r.id)}>
                    Record the payment
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {requesting ? <RewardDialog source={source} isOpen onOpenChange={setRequesting} /> : null}
      {deciding ? (
        <RewardDecisionDialog
          source={source}
          rewardId={deciding}
          isOpen
          onOpenChange={(open) => setDeciding(open ? deciding : null)}
        />
      ) : null}
      {paying ? (
        <RewardPaymentDialog
          source={source}
          rewardId={paying}
          isOpen
          onOpenChange={(open) => setPaying(open ? paying : null)}
        />
      ) : null}
    </HandlingSection>
  );
}

/** "Who can I tell": the people the source told about the relationship, and the advice discussed. */
export function SourceDisclosures({ source, handling }: HandlingTabProps) {
  const [recording, setRecording] = useState(false);
  return (
    <HandlingSection
      id="disclosures"
      title="Disclosures"
      actions={
        handling.abilities.contact ? (
          <Button variant="secondary" onClick={() => setRecording(true)}>
            Record a disclosure
          </Button>
        ) : null
      }
    >
      {handling.disclosures.length === 0 ? (
        <p className="sources-muted">The source has told nobody, as far as is recorded.</p>
      ) : (
        <ul className="source-list" aria-label="Disclosures">
          {[...handling.disclosures].reverse().map((d) => (
            <li key={d.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">{d.person}</span>
                <span>{d.relationship}</span>
                <span className="sources-muted">told on {format.date(d.disclosedOn)}</span>
              </div>
              <p>{d.advice}</p>
              <p className="sources-muted">
                Recorded by {d.recordedBy.displayName}, {format.dateTime(d.recordedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {recording ? <DisclosureDialog source={source} isOpen onOpenChange={setRecording} /> : null}
    </HandlingSection>
  );
}
