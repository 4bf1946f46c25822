import { describe, expect, it } from 'vitest';
import { calendarDate, instant } from './time';

describe('the shared date and time schemas', () => {
  it('take instants with an offset in the years 0001–9999, in UTC as well', () => {
    expect(instant().safeParse('2026-03-01T09:30:00Z').success).toBe(true);
    expect(instant().safeParse('0001-01-01T00:00:00Z').success).toBe(true);
    expect(instant().safeParse('9999-12-31T23:59:59.999Z').success).toBe(true);
    expect(instant().safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    // Year 0001 locally, year 0000 in UTC: what the database would be given.
    expect(instant().safeParse('0001-01-01T00:30:00+01:00').success).toBe(false);
    expect(instant().safeParse('9999-12-31T23:30:00-01:00').success).toBe(false);
    expect(instant().safeParse('2026-03-01T09:30:00').success).toBe(false);
  });

  it('take calendar dates in the years 0001–9999 and name the range when refusing', () => {
    expect(calendarDate().safeParse('2010-05-04').success).toBe(true);
    const refused = calendarDate().safeParse('0000-12-31');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('must fall between the years 0001 and 9999');
  });
});
