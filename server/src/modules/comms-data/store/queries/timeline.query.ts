import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventType, Scope, Timeline, TimelineOptions } from '../analytics-store.types.js';
import { dateOfMicros } from '../duckdb-exec.js';
import { EVENT_TYPES, eventTypeOfCode } from '../event-type.js';
import { lookupNumbers } from './numbers.query.js';
import { resolveScope, scopeCondition, scopeParams } from './scope.sql.js';
import { checkTimeZone } from './time-zones.js';
import { queryNumericColumns } from './vector-arrays.js';

const US_PER_HOUR = 3_600_000_000;
const US_PER_DAY = 24 * US_PER_HOUR;
/** 1970-01-01 was a Thursday: ISO weekday index 3 when Monday is 0. */
const EPOCH_WEEKDAY = 3;

function emptyTimeline(number: string, other: string | null): Timeline {
  return {
    number,
    other,
    total: 0,
    first: null,
    last: null,
    byType: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>,
    byHour: new Array(24).fill(0),
    byWeekday: new Array(7).fill(0),
    byWeekdayHour: Array.from({ length: 7 }, () => new Array(24).fill(0)),
    byDay: [],
    topContacts: [],
    silentPeriods: [],
  };
}

/** The columns reordered by (time, event id) — the last column — unless already in that order. */
function inTimeOrder(columns: readonly ArrayLike<number>[]): readonly ArrayLike<number>[] {
  const t = columns[0]!;
  const event = columns[columns.length - 1]!;
  const before = (i: number, j: number) => t[i]! - t[j]! || event[i]! - event[j]!;
  let sorted = true;
  for (let i = 1; i < t.length && sorted; i++) sorted = before(i - 1, i) < 0;
  if (sorted) return columns;
  const order = Array.from({ length: t.length }, (_, i) => i).sort(before);
  return columns.map((c) => order.map((i) => c[i]!));
}

interface Contact {
  id: number;
  count: number;
  outgoing: number;
  incoming: number;
  first: number;
  last: number;
}

/**
 * Call pattern of a number (or of a pair when `other` is given). Hours and days are in `timeZone`
 * (default UTC); weekday 0 is Monday. Two short statements — the number's rows of events_by_party
 * (sorted by (party, time): the number's id, looked up in the same statement, reaches the scan as
 * a join filter, so zone maps skip every other number's row groups), then the top contacts'
 * numbers — and the binning in one pass here: a number's events are few (thousands for the
 * busiest), and one DuckDB statement with five grouped parts cost ten times the scan.
 */
export async function timeline(
  connection: DuckDBConnection,
  number: string,
  scope: Scope | undefined,
  options: TimelineOptions = {},
): Promise<Timeline> {
  const other = options.other ?? null;
  const out = emptyTimeline(number, other);
  const timeZone = options.timeZone ?? 'UTC';
  // An unknown zone would fail only once a row needs it, as a DuckDB error: refused first.
  if (timeZone !== 'UTC') await checkTimeZone(connection, timeZone);
  // Checks the dates; runs a statement only when the scope names numbers.
  const s = await resolveScope(connection, scope);
  // Wall-clock time in the zone, as microseconds since a local 1970-01-01 00:00.
  const local =
    timeZone === 'UTC' ? 'epoch_us(start_ts)' : "epoch_us(timezone($zone, timezone('UTC', start_ts)))";
  const columns = await queryNumericColumns(
    connection,
    `SELECT epoch_us(start_ts)::DOUBLE, (${local})::DOUBLE, other_id, dir::INTEGER, type::INTEGER,
       event_id::DOUBLE
     FROM events_by_party
     JOIN (SELECT id FROM numbers WHERE number = $number) party ON party_id = party.id
     ${other !== null ? 'JOIN (SELECT id FROM numbers WHERE number = $other) other ON other_id = other.id' : ''}
     WHERE ${scopeCondition(s, 'party_id', 'other_id', 'start_ts')}`,
    ['f64', 'f64', 'i32', 'i32', 'i32', 'f64'],
    {
      number,
      ...(other !== null ? { other } : {}),
      ...(timeZone !== 'UTC' ? { zone: timeZone } : {}),
      ...scopeParams(s),
    },
  );
  const n = columns[0]!.length;
  if (n === 0) return out;
  // Rows come in storage order: sorted by (party, time, event) within each run of events_by_party.
  const [ts, localTs, others, dirs, types] = inTimeOrder(columns);
  const gapUs = (options.silentHours ?? 72) * US_PER_HOUR;
  const byDay = new Map<number, number>();
  const contacts = new Map<number, Contact>();
  for (let i = 0; i < n; i++) {
    const t = ts![i]!;
    const lt = localTs![i]!;
    out.byType[eventTypeOfCode(types![i]!)] += 1;
    const day = Math.floor(lt / US_PER_DAY);
    const hour = Math.floor((lt - day * US_PER_DAY) / US_PER_HOUR);
    const weekday = (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
    out.byWeekdayHour[weekday]![hour]! += 1;
    out.byWeekday[weekday]! += 1;
    out.byHour[hour]! += 1;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    if (i > 0 && t - ts![i - 1]! > gapUs)
      out.silentPeriods.push({
        from: dateOfMicros(ts![i - 1]!),
        to: dateOfMicros(t),
        hours: (t - ts![i - 1]!) / US_PER_HOUR,
      });
    const o = others![i]!;
    let c = contacts.get(o);
    if (!c) {
      c = { id: o, count: 0, outgoing: 0, incoming: 0, first: t, last: t };
      contacts.set(o, c);
    }
    c.count += 1;
    if (dirs![i] === 0) c.outgoing += 1;
    else c.incoming += 1;
    c.last = t;
  }
  out.total = n;
  out.first = dateOfMicros(ts![0]!);
  out.last = dateOfMicros(ts![n - 1]!);
  out.byDay = [...byDay]
    .sort((x, y) => x[0] - y[0])
    .map(([day, count]) => ({ day: new Date(day * 86_400_000).toISOString().slice(0, 10), count }));
  if (other === null) {
    const top = [...contacts.values()]
      .sort((x, y) => y.count - x.count || x.id - y.id)
      .slice(0, Math.max(1, options.topContacts ?? 20));
    const names = await lookupNumbers(
      connection,
      top.map((c) => c.id),
    );
    out.topContacts = top.map((c, j) => ({
      number: names[j]!,
      count: c.count,
      outgoing: c.outgoing,
      incoming: c.incoming,
      first: dateOfMicros(c.first),
      last: dateOfMicros(c.last),
    }));
  }
  return out;
}
