import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventType, Scope, Timeline, TimelineOptions } from '../analytics-store.types.js';
import { dateOfMicros, queryColumns } from '../duckdb-exec.js';
import { EVENT_TYPES, eventTypeOfCode } from '../event-type.js';
import { sqlString } from '../sql-literal.js';
import { lookupIds, lookupNumbers } from './numbers.query.js';
import { type ResolvedScope, scopeCondition } from './scope.sql.js';

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
function inTimeOrder(columns: unknown[][]): unknown[][] {
  const t = columns[0] as number[];
  const event = columns[columns.length - 1] as number[];
  const before = (i: number, j: number) => t[i]! - t[j]! || event[i]! - event[j]!;
  let sorted = true;
  for (let i = 1; i < t.length && sorted; i++) sorted = before(i - 1, i) < 0;
  if (sorted) return columns;
  const order = Array.from(t, (_, i) => i).sort(before);
  return columns.map((c) => order.map((i) => c[i]));
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
 * (default UTC); weekday 0 is Monday. Three short statements — the ids, the number's rows of
 * events_by_party (sorted by (party, time), so zone maps skip every other number's row groups), the
 * top contacts' numbers — and the binning in one pass here: a number's events are few (thousands
 * for the busiest), and one DuckDB statement with five grouped parts cost ten times the scan.
 */
export async function timeline(
  connection: DuckDBConnection,
  number: string,
  scope: Scope | undefined,
  options: TimelineOptions = {},
): Promise<Timeline> {
  const other = options.other ?? null;
  const out = emptyTimeline(number, other);
  if (scope?.from && scope.to && scope.from > scope.to) throw new Error('scope: from is after to');
  const ids = await lookupIds(connection, [number, ...(other ? [other] : []), ...(scope?.numbers ?? [])]);
  const id = ids.get(number);
  const otherId = other ? ids.get(other) : undefined;
  if (id === undefined || (other && otherId === undefined)) return out;
  const s: ResolvedScope = {
    ids: scope?.numbers
      ? [...new Set(scope.numbers.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : [])))].sort((x, y) => x - y)
      : null,
    from: scope?.from,
    to: scope?.to,
  };
  const where = `party_id = ${id} ${otherId !== undefined ? `AND other_id = ${otherId}` : ''}
    AND ${scopeCondition(s, 'party_id', 'other_id', 'start_ts')}`;
  const timeZone = options.timeZone ?? 'UTC';
  // Wall-clock time in the zone, as microseconds since a local 1970-01-01 00:00.
  const local =
    timeZone === 'UTC'
      ? 'epoch_us(start_ts)'
      : `epoch_us(timezone(${sqlString(timeZone)}, timezone('UTC', start_ts)))`;
  const columns = await queryColumns(
    connection,
    `SELECT epoch_us(start_ts)::DOUBLE, (${local})::DOUBLE, other_id, dir, type, event_id::DOUBLE
     FROM events_by_party WHERE ${where}`,
  );
  const n = columns[0]!.length;
  if (n === 0) return out;
  // Rows come in storage order: sorted by (party, time, event) within each run of events_by_party.
  const [ts, localTs, others, dirs, types] = inTimeOrder(columns);
  const gapUs = (options.silentHours ?? 72) * US_PER_HOUR;
  const byDay = new Map<number, number>();
  const contacts = new Map<number, Contact>();
  for (let i = 0; i < n; i++) {
    const t = ts![i] as number;
    const lt = localTs![i] as number;
    out.byType[eventTypeOfCode(types![i] as number)] += 1;
    const day = Math.floor(lt / US_PER_DAY);
    const hour = Math.floor((lt - day * US_PER_DAY) / US_PER_HOUR);
    const weekday = (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
    out.byWeekdayHour[weekday]![hour]! += 1;
    out.byWeekday[weekday]! += 1;
    out.byHour[hour]! += 1;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    if (i > 0 && t - (ts![i - 1] as number) > gapUs)
      out.silentPeriods.push({
        from: dateOfMicros(ts![i - 1] as number),
        to: dateOfMicros(t),
        hours: (t - (ts![i - 1] as number)) / US_PER_HOUR,
      });
    const o = others![i] as number;
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
  out.first = dateOfMicros(ts![0] as number);
  out.last = dateOfMicros(ts![n - 1] as number);
  out.byDay = [...byDay]
    .sort((x, y) => x[0] - y[0])
    .map(([day, count]) => ({ day: new Date(day * 86_400_000).toISOString().slice(0, 10), count }));
  if (otherId === undefined) {
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
