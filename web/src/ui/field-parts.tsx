import type { ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';
import { sentence } from './form/field-messages';
import './text-field.css';
import './fields.css';

/**
 * The label, description and error of a React Aria field, in the look of TextField. React Aria links
 * them to the control (aria-labelledby, aria-describedby) itself.
 */
export function FieldParts({ label, description, error }: FieldTextProps) {
  return (
    <>
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{error ? sentence(error) : null}</FieldError>
    </>
  );
}

export interface FieldTextProps {
  label: string;
  /** One line under the label. */
  description?: ReactNode;
  /** A field-level error (the contract's or the server's); marks the field invalid. */
  error?: string;
}

/** Classes for a field's root: `field`, invalid when it has an error. */
export function fieldClass(error: string | undefined, className?: string): string {
  return ['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ');
}
