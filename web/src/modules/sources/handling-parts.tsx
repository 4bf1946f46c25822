import { useQuery } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import type { HandlingView } from '#shared/contracts/sources-handling';
import type { SourceView } from '#shared/contracts/sources';
import { RefusalAlert } from '../../ui/refusal-alert';
import { TextArea } from '../../ui/text-area';
import { handlingQuery } from './handling.api';
import './handling.css';

/** What every handling tab is given: the source (its markings, status, type) and its handling record. */
export interface HandlingTabProps {
  source: SourceView;
  handling: HandlingView;
}

/** Loads the handling record (an audited read) and renders a tab with it. */
export function HandlingTab({
  source,
  render: Tab,
}: {
  source: SourceView;
  /** The tab's component, rendered once the record is here. */
  render: ComponentType<HandlingTabProps>;
}) {
  const handling = useQuery(handlingQuery(source.id));
  if (handling.isPending) return <p className="sources-muted">Loading…</p>;
  if (!handling.data)
    return <RefusalAlert error={handling.error} title="The handling record could not be loaded" />;
  return <Tab source={source} handling={handling.data} />;
}

/** A section of a tab: its heading, the actions the abilities allow, and its body. */
export function HandlingSection({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="source-section" aria-labelledby={`${id}-heading`}>
      <header className="source-section__header">
        <h2 className="source-section__title" id={`${id}-heading`}>
          {title}
        </h2>
        {actions ? <div className="source-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A label and its value in a record's details. */
export function Detail({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="handling-detail">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A list of names, one a line, held in the form as an array of strings (empty lines dropped). */
export function FormLinesField<V extends FieldValues, O>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<V, unknown, O>;
  name: FieldPath<V>;
  label: string;
  hint?: string;
}) {
  const { field, fieldState } = useController({ control, name });
  const lines = (field.value as string[] | undefined) ?? [];
  return (
    <TextArea
      label={label}
      hint={hint}
      ref={field.ref}
      name={field.name}
      value={lines.join('\n')}
      onChange={(event) => field.onChange(event.target.value.split('\n'))}
      onBlur={() => {
        field.onChange(lines.map((l) => l.trim()).filter((l) => l !== ''));
        field.onBlur();
      }}
      error={fieldState.error?.message}
    />
  );
}
