import {
  Button,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
} from 'react-aria-components';
import { type FieldTextProps, FieldParts, fieldClass } from './field-parts';
import { ChevronDownIcon } from './icons';
import './popover.css';

export interface Option<K extends string = string> {
  id: K;
  label: string;
}

export interface SelectProps<K extends string> extends FieldTextProps {
  options: readonly Option<K>[];
  value: K | null;
  onChange: (value: K) => void;
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  onBlur?: () => void;
  className?: string;
}

/** Choose one of a short list (React Aria Select: a button and a list box, typeahead, labelled). */
export function Select<K extends string>({
  label,
  description,
  error,
  options,
  value,
  onChange,
  placeholder = 'Choose…',
  isRequired,
  isDisabled,
  onBlur,
  className,
}: SelectProps<K>) {
  return (
    <AriaSelect
      className={fieldClass(error, className)}
      value={value}
      onChange={(key) => {
        if (key !== null) onChange(String(key) as K);
      }}
      onBlur={onBlur}
      placeholder={placeholder}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <FieldParts label={label} description={description} error={error} />
      <Button className="field__input field__trigger">
        <SelectValue className="field__value" />
        <ChevronDownIcon className="field__chevron" />
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
