import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, CheckboxGroup as AriaCheckboxGroup } from 'react-aria-components';
import { type FieldTextProps, FieldParts, fieldClass } from './field-parts';
import { CheckIcon } from './icons';
import type { Option } from './select';

/** The box and its label; inside a CheckboxGroup its `value` is what the group collects. */
export function Checkbox({
  value,
  children,
  isSelected,
  onChange,
}: {
  value?: string;
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
}) {
  return (
    <AriaCheckbox className="checkbox" value={value} isSelected={isSelected} onChange={onChange}>
      <span className="checkbox__box" aria-hidden="true">
        <CheckIcon className="checkbox__mark" width={14} height={14} />
      </span>
      <span className="checkbox__label">{children}</span>
    </AriaCheckbox>
  );
}

export interface CheckboxGroupProps<K extends string> extends FieldTextProps {
  options: readonly Option<K>[];
  value: readonly K[];
  onChange: (value: K[]) => void;
  onBlur?: () => void;
  isRequired?: boolean;
  className?: string;
}

/** Several choices under one label (a fieldset for screen readers), e.g. a user's roles. */
export function CheckboxGroup<K extends string>({
  label,
  description,
  error,
  options,
  value,
  onChange,
  onBlur,
  isRequired,
  className,
}: CheckboxGroupProps<K>) {
  return (
    <AriaCheckboxGroup
      className={fieldClass(error, className)}
      value={[...value]}
      onChange={(next) => onChange(next as K[])}
      onBlur={onBlur}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <FieldParts label={label} description={description} error={error} />
      <div className="checkbox-grid">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id}>
            {option.label}
          </Checkbox>
        ))}
      </div>
    </AriaCheckboxGroup>
  );
}
