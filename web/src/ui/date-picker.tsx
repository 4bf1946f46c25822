import type { DateValue } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Popover,
} from 'react-aria-components';
import { type FieldTextProps, FieldParts, fieldClass } from './field-parts';
import { CalendarIcon, ChevronLeftIcon, ChevronRightIcon } from './icons';
import './popover.css';

export interface DatePickerProps<T extends DateValue> extends FieldTextProps {
  value: T | null;
  onChange: (value: T | null) => void;
  /** 'day' for a date, 'minute' for a date and time (24-hour clock). */
  granularity?: 'day' | 'minute';
  isRequired?: boolean;
  onBlur?: () => void;
  className?: string;
}

/**
 * A date (or date and time) typed segment by segment or picked from a calendar, in the locale of
 * the formatting rule (en-GB: day, month, year; 24-hour clock) — I18nProvider in main.tsx.
 */
export function DatePicker<T extends DateValue>({
  label,
  description,
  error,
  value,
  onChange,
  granularity = 'day',
  isRequired,
  onBlur,
  className,
}: DatePickerProps<T>) {
  return (
    <AriaDatePicker<T>
      className={fieldClass(error, className)}
      value={value}
      onChange={(next) => onChange(next as T | null)}
      onBlur={onBlur}
      granularity={granularity}
      hourCycle={24}
      hideTimeZone
      shouldForceLeadingZeros
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <FieldParts label={label} description={description} error={error} />
      <Group className="field__input field__date">
        <DateInput className="field__segments">
          {(segment) => <DateSegment className="field__segment" segment={segment} />}
        </DateInput>
        <Button className="field__icon-button" aria-label="Open the calendar">
          <CalendarIcon />
        </Button>
      </Group>
      <Popover className="popover">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar__header">
              <Button slot="previous" className="field__icon-button" aria-label="Previous month">
                <ChevronLeftIcon />
              </Button>
              <Heading className="calendar__title" />
              <Button slot="next" className="field__icon-button" aria-label="Next month">
                <ChevronRightIcon />
              </Button>
            </header>
            <CalendarGrid className="calendar__grid">
              {(date) => <CalendarCell className="calendar__cell" date={date} />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </AriaDatePicker>
  );
}
