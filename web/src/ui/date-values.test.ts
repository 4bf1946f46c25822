import { CalendarDateTime } from '@internationalized/date';
import { describe, expect, it } from 'vitest';
import {
  dateValueToInstant,
  dateValueToIsoDate,
  instantToDateValue,
  isoDateToDateValue,
} from './date-values';

describe('date values between the API and the pickers', () => {
  it('reads and writes calendar dates as the API holds them', () => {
    const day = isoDateToDateValue('2026-03-01');
    expect(day?.toString()).toBe('2026-03-01');
    expect(dateValueToIsoDate(day)).toBe('2026-03-01');
    expect(dateValueToIsoDate(new CalendarDateTime(2026, 2, 28, 23, 30))).toBe('2026-02-28');
    expect(isoDateToDateValue('1 March')).toBeNull();
    expect(isoDateToDateValue(undefined)).toBeNull();
    expect(dateValueToIsoDate(null)).toBeUndefined();
  });

  it('reads and writes instants in a zone', () => {
    const value = instantToDateValue('2026-03-14T09:05:00Z', 'Europe/London');
    expect(value?.hour).toBe(9);
    expect(dateValueToInstant(value, 'Europe/London')).toBe('2026-03-14T09:05:00.000Z');
  });
});
