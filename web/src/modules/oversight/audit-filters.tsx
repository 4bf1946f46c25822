import { type FormEvent, useState } from 'react';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { type AuditFilters, emptyFilters } from './audit.api';

/** The viewer's filters, applied on submit so typing does not fire a query per key. */
export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const [draft, setDraft] = useState<AuditFilters>(emptyFilters);
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  return (
    <form
      className="audit-filters"
      aria-label="Audit filters"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <TextField label="Actor (username)" value={draft.actor} onChange={set('actor')} />
      <TextField
        label="Record type"
        hint="e.g. user, compartment-membership"
        value={draft.recordType}
        onChange={set('recordType')}
      />
      <TextField label="Record id" value={draft.recordId} onChange={set('recordId')} />
      <TextField label="From" type="datetime-local" value={draft.from} onChange={set('from')} />
      <TextField label="To" type="datetime-local" value={draft.to} onChange={set('to')} />
      <div className="audit-filters__actions">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(emptyFilters);
            onApply(emptyFilters);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
