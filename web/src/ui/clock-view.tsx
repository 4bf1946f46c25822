import { useEffect, useState } from 'react';
import { type ClockReading, readClock } from './clock';
import { format } from './format';
import './clock.css';

/** The time now, read again every `everyMs` (a minute by default) so a clock on screen moves on. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface ClockProps {
  /** The deadline, an ISO instant. */
  at: string;
  /** Said before the date: "Expires", "Review due", "Notice due". */
  label: string;
  /** Said instead of `label` once the deadline has passed: "Expired", "Review overdue". */
  passedLabel?: string;
  /** Warn (amber) this many days before the deadline; nothing by default. */
  warnWithinDays?: number;
  /** Show the time of day too (72-hour and 7-day clocks). */
  withTime?: boolean;
  /** For tests and fixed renders; the clock ticks with `useNow` otherwise. */
  now?: Date;
  /** On one line for table cells: the label for screen readers only until the deadline has passed. */
  compact?: boolean;
}

/**
 * A deadline on screen: "Expires 14 Mar 2027 (in 12 days)", amber within the warning period, red
 * once passed with its own words ("Expired … (3 days ago)") — the words carry the meaning, not the
 * colour. The date is a `<time>` element for assistive technology.
 */
export function Clock({ at, label, passedLabel, warnWithinDays, withTime, now, compact }: ClockProps) {
  const ticking = useNow();
  const reading: ClockReading = readClock(at, now ?? ticking, { warnWithinDays });
  const shown = withTime ? format.dateTime(at) : format.date(at);
  return (
    <span className={`clock clock--${reading.tone}${compact ? ' clock--compact' : ''}`}>
      <span className={compact && !reading.passed ? 'visually-hidden' : 'clock__label'}>
        {reading.passed ? (passedLabel ?? label) : label}
      </span>{' '}
      <time dateTime={at}>{shown}</time> <span className="clock__relative">({reading.relative})</span>
    </span>
  );
}
