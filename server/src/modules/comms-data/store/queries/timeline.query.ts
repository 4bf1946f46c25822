import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventType, Scope, Timeline, TimelineOptions } from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { EVENT_TYPES, eventTypeOfCode } from '../event-type.js';
import { sqlString } from '../sql-literal.js';
import { lookupIds } from './numbers.query.js';
import { resolveScope, scopeCondition } from './scope.sql.js';

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

/**
 * Call pattern of a number (or of a pair when `other` is given) from events_by_party, whose
 * (party, time) order lets DuckDB's zone maps skip all but the number's row groups. Hours and days
 * are in `timeZone` (default UTC); weekday 0 is Monday.
 */
export async function timeline(
  connection: DuckDBConnection,
  number: string,
  scope: Scope | undefined,
  options: TimelineOptions = {},
): Promise<Timeline> {
  const other = options.other ?? null;
  const out = emptyTimeline(number, other);
  const ids = await lookupIds(connection, other ? [number, other] : [number]);
  const id = ids.get(number);
  const otherId = other ? ids.get(other) : undefined;
  if (id === undefined || (other && otherId === undefined)) return out;
  const s = await resolveScope(connection, scope);
  const where = `party_id = ${id} ${otherId !== undefined ? `AND other_id = ${otherId}` : ''}
    AND ${scopeCondition(s, 'party_id', 'other_id', 'start_ts')}`;
  const tz = sqlString(options.timeZone ?? 'UTC');
  const base = `(SELECT start_ts, other_id, dir, type, timezone(${tz}, timezone('UTC', start_ts)) AS local
    FROM events_by_party WHERE ${where}) t`;
  const byType = await queryRows(
    connection,
    `SELECT type, count(*) AS n, epoch_us(min(start_ts)) AS f, epoch_us(max(start_ts)) AS l FROM ${base} GROUP BY type`,
  );
  for (const r of byType) {
    const n = num(r.n);
    out.byType[eventTypeOfCode(num(r.type))] = n;
    out.total += n;
    const f = dateFromMicros(r.f)!;
    const l = dateFromMicros(r.l)!;
    if (!out.first || f < out.first) out.first = f;
    if (!out.last || l > out.last) out.last = l;
  }
  if (out.total === 0) return out;
  const bins = await queryRows(
    connection,
    `SELECT isodow(local) - 1 AS wd, hour(local) AS h, count(*) AS n FROM ${base} GROUP BY ALL`,
  );
  for (const r of bins) {
    const wd = num(r.wd);
    const h = num(r.h);
    const n = num(r.n);
    out.byWeekdayHour[wd]![h] = n;
    out.byWeekday[wd]! += n;
    out.byHour[h]! += n;
  }
  const days = await queryRows(
    connection,
    `SELECT strftime(local, '%Y-%m-%d') AS d, count(*) AS n FROM ${base} GROUP BY d ORDER BY d`,
  );
  out.byDay = days.map((r) => ({ day: String(r.d), count: num(r.n) }));
  if (otherId === undefined) {
    const top = await queryRows(
      connection,
      `SELECT n.number, c.n, c.o, c.i, c.f, c.l FROM (SELECT other_id, count(*) AS n, count(*) FILTER (WHERE dir = 0) AS o,
         count(*) FILTER (WHERE dir = 1) AS i, epoch_us(min(start_ts)) AS f, epoch_us(max(start_ts)) AS l
         FROM ${base} GROUP BY other_id ORDER BY n DESC, other_id LIMIT ${Math.max(1, options.topContacts ?? 20)}) c
       JOIN numbers n ON n.id = c.other_id ORDER BY c.n DESC, c.other_id`,
    );
    out.topContacts = top.map((r) => ({
      number: String(r.number),
      count: num(r.n),
      outgoing: num(r.o),
      incoming: num(r.i),
      first: dateFromMicros(r.f)!,
      last: dateFromMicros(r.l)!,
    }));
  }
  const gapUs = Math.round((options.silentHours ?? 72) * 3_600_000_000);
  const gaps = await queryRows(
    connection,
    `SELECT p, c FROM (SELECT lag(epoch_us(start_ts)) OVER (ORDER BY start_ts) AS p, epoch_us(start_ts) AS c FROM ${base})
     WHERE c - p > ${gapUs} ORDER BY p`,
  );
  out.silentPeriods = gaps.map((r) => {
    const from = dateFromMicros(r.p)!;
    const to = dateFromMicros(r.c)!;
    return { from, to, hours: (to.getTime() - from.getTime()) / 3_600_000 };
  });
  return out;
}
