import {
  type CalendarDate,
  type DateValue,
  parseAbsolute,
  parseDate,
  toCalendarDate,
} from '@internationalized/date';
import { format, toApiInstant } from './format';

/**
 * Between the API's instants (ISO 8601) and the values React Aria's date pickers edit, in the zone
 * of the formatting rule (format.ts), so a picker and a table show the same wall-clock time.
 */
export function instantToDateValue(instant: string | undefined, zone = format.settings.timeZone) {
  if (!instant) return null;
  try {
    return parseAbsolute(instant, zone);
  } catch {
    return null;
  }
}

/** The instant a picked date-time stands for, as the API takes it; a bare date is its midnight. */
export function dateValueToInstant(
  value: DateValue | null,
  zone = format.settings.timeZone,
): string | undefined {
  return value ? toApiInstant(value.toDate(zone)) : undefined;
}

/** The day of an instant, for a day-only picker. */
export function instantToDay(instant: string | undefined, zone = format.settings.timeZone) {
  const value = instantToDateValue(instant, zone);
  return value ? toCalendarDate(value) : null;
}

/** A calendar date as the API holds it (`2026-03-01`: a date of birth, a recruitment) for a day-only picker. */
export function isoDateToDateValue(date: string | undefined): CalendarDate | null {
  if (!date) return null;
  try {
    return parseDate(date);
  } catch {
    return null;
  }
}

/** The picked day as the API takes a calendar date (`2026-03-01`), whatever the picker's granularity. */
export function dateValueToIsoDate(value: DateValue | null): string | undefined {
  return value ? toCalendarDate(value).toString() : undefined;
}
