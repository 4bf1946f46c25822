import { toApiInstant } from '../../ui/format';

const day = 86_400_000;
const instant = (t: number) => toApiInstant(new Date(t));
const dateOf = (t: number) => instant(t).slice(0, 10);

/** The Monday (UTC) of the week holding `at`, as `YYYY-MM-DD`. Pure. */
export function mondayOf(at: Date): string {
  const t = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return dateOf(t - weekday * day);
}

/** The week from its Monday: the calendar query's bounds, its seven days, the weeks either side. Pure. */
export function weekOf(monday: string) {
  const start = Date.parse(`${monday}T00:00:00.000Z`);
  return {
    from: instant(start),
    to: instant(start + 7 * day),
    days: Array.from({ length: 7 }, (_, i) => dateOf(start + i * day)),
    previous: dateOf(start - 7 * day),
    next: dateOf(start + 7 * day),
  };
}
