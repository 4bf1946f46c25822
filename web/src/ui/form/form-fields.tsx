import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useController } from 'react-hook-form';
import { Checkbox, CheckboxGroup } from '../checkbox';
import { DatePicker } from '../date-picker';
import {
  dateValueToInstant,
  dateValueToIsoDate,
  instantToDateValue,
  isoDateToDateValue,
} from '../date-values';
import { ComboBox } from '../combo-box';
import { type Option, Select } from '../select';
import { TextArea } from '../text-area';
import { TextField, type TextFieldProps } from '../text-field';
import { sentence } from './field-messages';

/** Binds a field to a contract form: `<FormTextField control={form.control} name="username" … />`. */
interface Bound<V extends FieldValues, O> {
  control: Control<V, unknown, O>;
  name: FieldPath<V>;
  label: string;
  hint?: string;
}

type NativeTextProps = Omit<
  TextFieldProps,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'label' | 'hint'
>;

/** An emptied text field is an absent value: the contract then says "Required" or uses its default. */
const textValue = (text: string) => (text === '' ? undefined : text);

/** A text input checked by the contract as the user types; the server's error for it lands here too. */
export function FormTextField<V extends FieldValues, O>({
  control,
  name,
  ...rest
}: Bound<V, O> & NativeTextProps) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...rest}
      ref={field.ref}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(textValue(event.target.value))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormTextArea<V extends FieldValues, O>({ control, name, label, hint }: Bound<V, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextArea
      label={label}
      hint={hint}
      ref={field.ref}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(textValue(event.target.value))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormSelect<V extends FieldValues, O>({
  control,
  name,
  label,
  hint,
  options,
}: Bound<V, O> & { options: readonly Option[] }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select
      label={label}
      description={hint}
      options={options}
      value={(field.value as string | undefined) ?? null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormComboBox<V extends FieldValues, O>({
  control,
  name,
  label,
  hint,
  options,
}: Bound<V, O> & { options: readonly Option[] }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <ComboBox
      label={label}
      description={hint}
      options={options}
      value={(field.value as string | undefined) ?? null}
      onChange={(value) => field.onChange(value ?? undefined)}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormCheckboxGroup<V extends FieldValues, O>({
  control,
  name,
  label,
  hint,
  options,
}: Bound<V, O> & { options: readonly Option[] }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <CheckboxGroup
      label={label}
      description={hint}
      options={options}
      value={(field.value as string[] | undefined) ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/** A date and time, held in the form as the API's ISO instant (the contracts' `z.iso.datetime`). */
export function FormDateTimePicker<V extends FieldValues, O>({ control, name, label, hint }: Bound<V, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DatePicker
      label={label}
      description={hint}
      granularity="minute"
      value={instantToDateValue(field.value as string | undefined)}
      onChange={(value) => field.onChange(dateValueToInstant(value))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/** A calendar date, held in the form as the API's `YYYY-MM-DD` (the contracts' `z.iso.date`). */
export function FormDateField<V extends FieldValues, O>({ control, name, label, hint }: Bound<V, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DatePicker
      label={label}
      description={hint}
      granularity="day"
      value={isoDateToDateValue(field.value as string | undefined)}
      onChange={(value) => field.onChange(dateValueToIsoDate(value))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/**
 * One yes-or-no statement the user confirms ("The source volunteers"), held as a boolean; its error
 * (the contract's, or the server's rule) is shown under it.
 */
export function FormCheckbox<V extends FieldValues, O>({ control, name, label, hint }: Bound<V, O>) {
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <div className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <Checkbox isSelected={field.value === true} onChange={(selected) => field.onChange(selected)}>
        {label}
      </Checkbox>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? <p className="field__error">{sentence(error)}</p> : null}
    </div>
  );
}

/** A whole number (days, a count): an emptied field is an absent value, anything else a number for the contract to check. */
export function FormNumberField<V extends FieldValues, O>({
  control,
  name,
  ...rest
}: Bound<V, O> & Omit<NativeTextProps, 'type' | 'inputMode'>) {
  const { field, fieldState } = useController({ control, name });
  const value = field.value as number | string | undefined;
  return (
    <TextField
      {...rest}
      ref={field.ref}
      name={field.name}
      type="text"
      inputMode="numeric"
      value={value === undefined ? '' : String(value)}
      onChange={(event) => {
        const text = event.target.value.trim();
        field.onChange(text === '' ? undefined : /^-?\d+$/.test(text) ? Number(text) : text);
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
