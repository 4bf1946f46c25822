import { format } from './format';

/** How a deadline stands: well ahead, close (within the warning period), or passed. */
export type ClockTone = 'neutral' | 'warning' | 'danger';

export interface ClockReading {
  tone: ClockTone;
  /** "in 12 days", "3 hours ago": the distance from now in words, in the formatting rule's locale. */
  relative: string;
  passed: boolean;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * The largest unit that reads naturally for a distance: minutes under an hour, hours under two
 * days, days under two months, months beyond.
 */
function unitOf(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  const size = Math.abs(ms);
  if (size < hour) return [Math.trunc(ms / minute), 'minute'];
  if (size < 2 * day) return [Math.trunc(ms / hour), 'hour'];
  if (size < 60 * day) return [Math.trunc(ms / day), 'day'];
  // Months round: an authorisation of 12 months granted this morning reads "in 12 months".
  return [Math.round(ms / (30.4375 * day)), 'month'];
}

/**
 * A deadline read against `now` (an authorisation's expiry, a review due, a notice's 7 days): its
 * distance in words and its tone — `danger` once passed, `warning` within `warnWithinDays`. Pure.
 */
export function readClock(
  due: string | Date,
  now: Date,
  options: { warnWithinDays?: number; locale?: string } = {},
): ClockReading {
  const at = due instanceof Date ? due : new Date(due);
  const ms = at.getTime() - now.getTime();
  const words = new Intl.RelativeTimeFormat(options.locale ?? format.settings.locale, { numeric: 'always' });
  const [value, unit] = unitOf(ms);
  const passed = ms < 0;
  const warnMs = (options.warnWithinDays ?? 0) * day;
  const tone: ClockTone = passed ? 'danger' : ms <= warnMs ? 'warning' : 'neutral';
  // "in 0 minutes" reads oddly: under a minute is "now".
  const relative = value === 0 && unit === 'minute' ? 'now' : words.format(value, unit);
  return { tone, relative, passed };
}
