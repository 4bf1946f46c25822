import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { BreakGlassView, IdentityView, SourceView } from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { RefusalAlert } from '../../ui/refusal-alert';
import { defineStatusScheme, StatusBadge } from '../../ui/status-badge';
import { readIdentity } from './sources.api';
import { BreakGlassDecisionDialog, BreakGlassRequestDialog, IdentityDialog } from './vault-forms';

const breakGlassScheme = defineStatusScheme<BreakGlassView['state']>({
  requested: { label: 'Awaiting approval', tone: 'info' },
  approved: { label: 'Approved', tone: 'warning' },
  refused: { label: 'Refused', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'neutral' },
});

function RevealedIdentity({ view, onHide }: { view: IdentityView; onHide: () => void }) {
  const identity = view.identity;
  return (
    <div className="source-vault">
      {view.access === 'break-glass' ? (
        <Alert tone="warning" role="note" title="Opened by break-glass access">
          This read is audited against your approved request.
        </Alert>
      ) : null}
      {identity ? (
        <dl className="source-facts" aria-label="True identity">
          <div>
            <dt>Full name</dt>
            <dd>{identity.name}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>{format.date(identity.dateOfBirth)}</dd>
          </div>
          <div>
            <dt>Appropriate adult</dt>
            <dd>{identity.appropriateAdult ?? '—'}</dd>
          </div>
          <div className="source-facts__wide">
            <dt>Addresses</dt>
            <dd>{identity.addresses.join('\n\n') || '—'}</dd>
          </div>
          <div className="source-facts__wide">
            <dt>Identities used</dt>
            <dd>{identity.identitiesUsed.join(', ') || '—'}</dd>
          </div>
          <div className="source-facts__wide">
            <dt>Identity documents</dt>
            <dd>
              {identity.documents.length === 0
                ? '—'
                : identity.documents
                    .map((d) => [d.kind, d.number, d.issuer].filter(Boolean).join(', '))
                    .join('\n')}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="sources-muted">No identity is recorded in the vault yet.</p>
      )}
      {view.updatedAt ? (
        <p className="sources-muted">Last written {format.dateTime(view.updatedAt)}.</p>
      ) : null}
      <div>
        <Button variant="ghost" onClick={onHide}>
          Hide the identity
        </Button>
      </div>
    </div>
  );
}

/**
 * The identity vault on a source's page: shut until its reader asks, each reveal an audited
 * sensitive read (nothing is kept in the page's cache); break-glass for an officer who may not read
 * it; the break-glass requests and their decisions. What is offered follows the source's abilities.
 */
export function IdentityVault({ source }: { source: SourceView }) {
  // gcTime 0: the revealed identity leaves memory with the page, never kept in a cache.
  const reveal = useMutation({ mutationFn: () => readIdentity(source.id), gcTime: 0 });
  const [writing, setWriting] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<BreakGlassView | null>(null);
  const { abilities } = source;

  return (
    <section className="source-section" aria-labelledby="vault-heading">
      <header className="source-section__header">
        <h2 className="source-section__title" id="vault-heading">
          True identity
        </h2>
        <div className="source-actions">
          {abilities.writeIdentity ? (
            <Button variant="secondary" onClick={() => setWriting(true)}>
              {source.flags.identityRecorded ? 'Update the identity' : 'Record the identity'}
            </Button>
          ) : null}
          {abilities.requestBreakGlass ? (
            <Button variant="secondary" onClick={() => setRequesting(true)}>
              Request break-glass access
            </Button>
          ) : null}
        </div>
      </header>
      {abilities.readIdentity ? (
        reveal.data ? (
          <RevealedIdentity view={reveal.data} onHide={() => reveal.reset()} />
        ) : (
          <div className="source-vault">
            <p>
              The true identity is kept encrypted and shown only when you ask.{' '}
              <strong>Each reveal is audited</strong> as a sensitive read, under your name.
            </p>
            <div>
              <Button onClick={() => reveal.mutate()} busy={reveal.isPending}>
                Reveal the true identity
              </Button>
            </div>
          </div>
        )
      ) : (
        <p className="sources-muted">
          Only the source’s handlers, controller and authorising officer read the true identity.
        </p>
      )}
      <RefusalAlert error={reveal.error} title="The identity was not revealed" />
      {source.breakGlass.length > 0 ? (
        <ul className="source-list" aria-label="Break-glass requests">
          {source.breakGlass.map((request) => (
            <li key={request.id} className="source-item">
              <div className="source-item__head">
                <span className="source-item__title">Break-glass by {request.requestedBy.displayName}</span>
                <StatusBadge status={request.state} scheme={breakGlassScheme} />
                <span className="sources-muted">{format.dateTime(request.requestedAt)}</span>
                {request.state === 'approved' && request.expiresAt ? (
                  <Clock at={request.expiresAt} label="Access ends" passedLabel="Access ended" withTime />
                ) : null}
              </div>
              <p>{request.reason}</p>
              {request.decidedBy ? (
                <p className="sources-muted">
                  Decided by {request.decidedBy.displayName}
                  {request.reasons ? `: ${request.reasons}` : ''}
                </p>
              ) : null}
              {request.abilities.decide ? (
                <div>
                  <Button variant="secondary" size="sm" onClick={() => setDeciding(request)}>
                    Decide on the request
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {writing ? (
        <IdentityDialog
          source={source}
          current={reveal.data?.identity ?? undefined}
          isOpen
          onOpenChange={setWriting}
        />
      ) : null}
      <BreakGlassRequestDialog source={source} isOpen={requesting} onOpenChange={setRequesting} />
      {deciding ? (
        <BreakGlassDecisionDialog
          source={source}
          request={deciding}
          isOpen
          onOpenChange={(open) => setDeciding(open ? deciding : null)}
        />
      ) : null}
    </section>
  );
}
