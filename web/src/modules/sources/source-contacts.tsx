import { useState } from 'react';
import type { ContactView } from '#shared/contracts/sources-handling';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { format } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { ContactDialog, ContactOutcomeDialog } from './contact-forms';
import { contactKindLabels, contactStateScheme } from './handling-labels';
import { Detail, HandlingSection, type HandlingTabProps } from './handling-parts';

const flagLabels: Record<NonNullable<ContactView['flag']>, string> = {
  'status-drift': 'Possible status drift',
  'contact-after-cancellation': 'Contact after cancellation',
};

/** One contact: its plan, attendees, and afterwards its outcome and welfare notes. */
export function ContactItem({ c, onOutcome }: { c: ContactView; onOutcome?: (() => void) | undefined }) {
  const attendees = [...c.officers.map((o) => o.displayName), ...c.otherAttendees];
  return (
    <li className="source-item">
      <div className="source-item__head">
        <span className="source-item__title">
          {contactKindLabels[c.kind]}, {format.dateTime(c.occurredAt ?? c.plannedAt)}
        </span>
        <StatusBadge status={c.state} scheme={contactStateScheme} />
        {c.flag ? <Badge tone="danger">{flagLabels[c.flag]}</Badge> : null}
      </div>
      <dl className="handling-details">
        <Detail term="Location">{c.location}</Detail>
        <Detail term="Cover story">{c.coverStory}</Detail>
        <Detail term="Safety arrangements">{c.safetyArrangements}</Detail>
        <Detail term="Fall-back contact">{c.fallbackContact}</Detail>
        <Detail term="Attendees">{attendees.join(', ')}</Detail>
        <Detail term="Appropriate adult">{c.appropriateAdult}</Detail>
        <Detail term="Summary">{c.summary}</Detail>
        <Detail term="Outcome">{c.outcome}</Detail>
        <Detail term="Welfare notes">{c.welfareNotes}</Detail>
      </dl>
      {onOutcome ? (
        <div>
          <Button size="sm" variant="secondary" onClick={onOutcome}>
            Record the outcome
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** Contacts and meetings (reg. 3(k)): every meeting, call and message, planned and actual, newest first. */
export function SourceContacts({ source, handling }: HandlingTabProps) {
  const [planning, setPlanning] = useState(false);
  const [outcome, setOutcome] = useState<ContactView | null>(null);
  const { abilities } = handling;
  const contacts = [...handling.contacts].sort((a, b) => b.plannedAt.localeCompare(a.plannedAt));
  return (
    <HandlingSection
      id="contacts"
      title="Contacts and meetings"
      actions={
        abilities.contact ? (
          <Button variant="secondary" onClick={() => setPlanning(true)}>
            Plan a meeting or log a contact
          </Button>
        ) : null
      }
    >
      {contacts.length === 0 ? (
        <p className="sources-muted">No contact recorded.</p>
      ) : (
        <ul className="source-list" aria-label="Contacts">
          {contacts.map((c) => (
            <ContactItem
              key={c.id}
              c={c}
              onOutcome={abilities.contact && c.state === 'planned' ? () => setOutcome(c) : undefined}
            />
          ))}
        </ul>
      )}
      {planning ? <ContactDialog source={source} isOpen onOpenChange={setPlanning} /> : null}
      {outcome ? (
        <ContactOutcomeDialog
          source={source}
          contact={outcome}
          isOpen
          onOpenChange={(open) => setOutcome(open ? outcome : null)}
        />
      ) : null}
    </HandlingSection>
  );
}
