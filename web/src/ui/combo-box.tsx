import {
  Button,
  ComboBox as AriaComboBox,
  Input,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import { type FieldTextProps, FieldParts, fieldClass } from './field-parts';
import { ChevronDownIcon } from './icons';
import type { Option } from './select';
import './popover.css';

export interface ComboBoxProps<K extends string> extends FieldTextProps {
  options: readonly Option<K>[];
  value: K | null;
  onChange: (value: K | null) => void;
  placeholder?: string;
  isRequired?: boolean;
  onBlur?: () => void;
  className?: string;
  /** Shown in the list when the typed text matches nothing. */
  emptyText?: string;
}

/** Type to narrow a long list, then choose (React Aria ComboBox: filtering, keyboard, labelled). */
export function ComboBox<K extends string>({
  label,
  description,
  error,
  options,
  value,
  onChange,
  placeholder,
  isRequired,
  onBlur,
  className,
  emptyText = 'Nothing matches.',
}: ComboBoxProps<K>) {
  return (
    <AriaComboBox
      className={fieldClass(error, className)}
      defaultItems={options}
      value={value}
      onChange={(key) => onChange(key === null ? null : (String(key) as K))}
      onBlur={onBlur}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="focus"
    >
      <FieldParts label={label} description={description} error={error} />
      <div className="field__input field__combo">
        <Input className="field__combo-input" placeholder={placeholder} />
        <Button className="field__icon-button" aria-label="Show the options">
          <ChevronDownIcon />
        </Button>
      </div>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox__empty">{emptyText}</p>}>
          {(option: Option<K>) => (
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
