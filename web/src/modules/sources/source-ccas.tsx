import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { CcaView, SourceView } from '#shared/contracts/sources';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { CcaFacts } from './authorisation-details';
import { CcaApplicationDialog, CcaCancelDialog, CcaNoticeDialog, CcaRenewDialog } from './cca-forms';
import { authorisationStateScheme } from './sources-labels';

const noticeEvents = { grant: 'grant', renewal: 'renewal', cancellation: 'cancellation' } as const;

/** The 7-day clocks of a CCA's notices to a Judicial Commissioner (RIPA s.32C): due, or given. */
export function NoticeClocks({ cca }: { cca: CcaView }) {
  if (cca.notices.length === 0) return null;
  return (
    <ul className="source-notices" aria-label="Notices to a Judicial Commissioner">
      {cca.notices.map((notice) => (
        <li key={notice.id}>
          <span>Notice of the {noticeEvents[notice.event]}:</span>
          {notice.notifiedAt ? (
            <span>
              given {format.dateTime(notice.notifiedAt)}
              {notice.reference ? `, reference ${notice.reference}` : ''}
            </span>
          ) : (
            <Clock at={notice.dueAt} label="Due" passedLabel="Overdue since" warnWithinDays={3} withTime />
          )}
        </li>
      ))}
    </ul>
  );
}

type Dialog = { kind: 'notice' | 'renew' | 'cancel'; cca: CcaView } | null;

/** Criminal conduct authorisations alongside the source's authorisation, with their notice clocks. */
export function SourceCcas({ source }: { source: SourceView }) {
  const [applying, setApplying] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  if (source.ccas.length === 0 && !source.abilities.applyCca) return null;
  return (
    <section className="source-section" aria-labelledby="ccas-heading">
      <header className="source-section__header">
        <h2 className="source-section__title" id="ccas-heading">
          Criminal conduct authorisations
        </h2>
        {source.abilities.applyCca ? (
          <Button variant="secondary" onClick={() => setApplying(true)}>
            Apply for a criminal conduct authorisation
          </Button>
        ) : null}
      </header>
      {source.ccas.length === 0 ? <p className="sources-muted">None.</p> : null}
      <ul className="source-list" aria-label="Criminal conduct authorisations">
        {source.ccas.map((cca) => (
          <li key={cca.id} className="source-item">
            <div className="source-item__head">
              <span className="source-item__title">Criminal conduct</span>
              <StatusBadge status={cca.state} scheme={authorisationStateScheme} />
              {cca.inForce ? <Badge tone="success">In force</Badge> : null}
              {cca.inForce && cca.expiresAt ? (
                <Clock at={cca.expiresAt} label="Expires" passedLabel="Expired" />
              ) : null}
            </div>
            <NoticeClocks cca={cca} />
            <div className="source-actions">
              {cca.abilities.decide ? (
                <Link
                  to="/sources/$sourceId/decisions/$itemId"
                  params={{ sourceId: source.id, itemId: cca.id }}
                  className="button button--primary button--sm"
                >
                  Decide on the application
                </Link>
              ) : null}
              {cca.abilities.recordNotice ? (
                <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: 'notice', cca })}>
                  Record the notice
                </Button>
              ) : null}
              {cca.abilities.renew ? (
                <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: 'renew', cca })}>
                  Renew it
                </Button>
              ) : null}
              {cca.abilities.cancel ? (
                <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: 'cancel', cca })}>
                  Cancel it
                </Button>
              ) : null}
            </div>
            {cca.renewals.map((r) => (
              <p key={r.id} className="sources-muted">
                Renewed {format.dateTime(r.renewedAt)} by {r.renewedBy.displayName}: runs on from{' '}
                {format.dateTime(r.previousExpiry)} to {format.dateTime(r.newExpiry)}. {r.reasons}
              </p>
            ))}
            <details>
              <summary>The application and decision</summary>
              <CcaFacts cca={cca} />
            </details>
          </li>
        ))}
      </ul>
      {applying ? <CcaApplicationDialog source={source} isOpen onOpenChange={setApplying} /> : null}
      {dialog?.kind === 'notice' ? (
        <CcaNoticeDialog source={source} cca={dialog.cca} isOpen onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'renew' ? (
        <CcaRenewDialog source={source} cca={dialog.cca} isOpen onOpenChange={close} />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <CcaCancelDialog source={source} cca={dialog.cca} isOpen onOpenChange={close} />
      ) : null}
    </section>
  );
}
