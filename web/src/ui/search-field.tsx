import { Input, SearchField as AriaSearchField } from 'react-aria-components';
import { FieldParts, fieldClass } from './field-parts';

/** A labelled search box (React Aria SearchField: Escape clears it), e.g. a list's free-text filter. */
export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  return (
    <AriaSearchField className={fieldClass(undefined, className)} value={value} onChange={onChange}>
      <FieldParts label={label} />
      <Input className="field__input" placeholder={placeholder} />
    </AriaSearchField>
  );
}
