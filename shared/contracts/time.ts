import { z } from 'zod';

// Every date and time a client sends: ISO 8601 with four-digit years, 0001 to 9999. Year 0000 and
// beyond are valid to zod and to JavaScript but not to PostgreSQL, so an instant outside the range
// would reach the database and fail there; refused here, naming the field, instead.

const earliest = Date.parse('0001-01-01T00:00:00Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');
const rangeMessage = 'must fall between the years 0001 and 9999';

/** An instant with its offset, `2026-03-01T09:30:00Z`, in the years 0001–9999 (in UTC as well). */
export function instant() {
  return z.iso.datetime({ offset: true }).refine((value) => {
    const at = Date.parse(value);
    return at >= earliest && at <= latest;
  }, rangeMessage);
}

/** A calendar date, `2026-03-01`, in the years 0001–9999. */
export function calendarDate() {
  return z.iso.date().refine((value) => value >= '0001-01-01', rangeMessage);
}
