import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventType, Scope, Timeline, TimelineOptions } from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { EVENT_TYPES, eventTypeOfCode } from '../event-type.js';
import { sqlString } from '../sql-literal.js';
import { lookupIds, lookupNumbers } from './numbers.query.js';
import { type ResolvedScope, scopeCondition } from './scope.sql.js';

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

interface Part {
  k: 'type' | 'bin' | 'day' | 'top' | 'gap';
  x: number;
  y: number;
  s: string;
  n: number;
  o: number;
  i: number;
  f: Date | null;
  l: Date | null;
}

/** One statement computing every part of a timeline from one scan of the number's rows. */
function timelineSql(where: string, timeZone: string, top: number | null, gapUs: number): string {
  const tz = sqlString(timeZone);
  const cols = (
    k: string,
    x: string,
    y: string,
    s: string,
    n: string,
    o: string,
    i: string,
    f: string,
    l: string,
  ) =>
    `SELECT '${k}' AS k, CAST(${x} AS BIGINT) AS x, CAST(${y} AS BIGINT) AS y, CAST(${s} AS VARCHAR) AS s,
      CAST(${n} AS BIGINT) AS n, CAST(${o} AS BIGINT) AS o, CAST(${i} AS BIGINT) AS i, CAST(${f} AS BIGINT) AS f,
      CAST(${l} AS BIGINT) AS l`;
  const minMax = ['epoch_us(min(start_ts))', 'epoch_us(max(start_ts))'] as const;
  const parts = [
    `${cols('type', 'type', 'NULL', 'NULL', 'count(*)', 'NULL', 'NULL', ...minMax)} FROM t GROUP BY type`,
    `${cols('bin', 'isodow(local) - 1', 'hour(local)', 'NULL', 'count(*)', 'NULL', 'NULL', 'NULL', 'NULL')} FROM t GROUP BY 2, 3`,
    `${cols('day', 'NULL', 'NULL', "strftime(local, '%Y-%m-%d')", 'count(*)', 'NULL', 'NULL', 'NULL', 'NULL')} FROM t GROUP BY 4`,
    `${cols('gap', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'p', 'c')} FROM
      (SELECT lag(epoch_us(start_ts)) OVER (ORDER BY start_ts) AS p, epoch_us(start_ts) AS c FROM t) WHERE c - p > ${gapUs}`,
  ];
  if (top !== null) {
    parts.push(`SELECT * FROM (${cols('top', 'other_id', 'NULL', 'NULL', 'count(*)', 'count(*) FILTER (WHERE dir = 0)', 'count(*) FILTER (WHERE dir = 1)', ...minMax)}
      FROM t GROUP BY other_id ORDER BY n DESC, other_id LIMIT ${top})`);
  }
  return `WITH t AS MATERIALIZED (SELECT start_ts, other_id, dir, type, timezone(${tz}, timezone('UTC', start_ts)) AS local
      FROM events_by_party WHERE ${where})
    ${parts.join('\n    UNION ALL ')}`;
}

/**
 * Call pattern of a number (or of a pair when `other` is given) from events_by_party, whose
 * (party, time) order lets DuckDB's zone maps skip all but the number's row groups. Hours and days
 * are in `timeZone` (default UTC); weekday 0 is Monday. Two statements: the ids (of the number, the
 * other party and the scope's numbers) and one scan answering every part.
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
  const gapUs = Math.round((options.silentHours ?? 72) * 3_600_000_000);
  const top = otherId === undefined ? Math.max(1, options.topContacts ?? 20) : null;
  const rows = await queryRows(connection, timelineSql(where, options.timeZone ?? 'UTC', top, gapUs));
  const parts: Part[] = rows.map((r) => ({
    k: String(r.k) as Part['k'],
    x: num(r.x),
    y: num(r.y),
    s: String(r.s),
    n: num(r.n),
    o: num(r.o),
    i: num(r.i),
    f: dateFromMicros(r.f),
    l: dateFromMicros(r.l),
  }));
  const topParts: Part[] = [];
  const gaps: Part[] = [];
  for (const p of parts) {
    if (p.k === 'type') {
      out.byType[eventTypeOfCode(p.x)] = p.n;
      out.total += p.n;
      if (!out.first || p.f! < out.first) out.first = p.f;
      if (!out.last || p.l! > out.last) out.last = p.l;
    } else if (p.k === 'bin') {
      out.byWeekdayHour[p.x]![p.y] = p.n;
      out.byWeekday[p.x]! += p.n;
      out.byHour[p.y]! += p.n;
    } else if (p.k === 'day') out.byDay.push({ day: p.s, count: p.n });
    else if (p.k === 'top') topParts.push(p);
    else gaps.push(p);
  }
  out.byDay.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  topParts.sort((x, y) => y.n - x.n || x.x - y.x);
  const names = await lookupNumbers(
    connection,
    topParts.map((p) => p.x),
  );
  out.topContacts = topParts.map((p, j) => ({
    number: names[j]!,
    count: p.n,
    outgoing: p.o,
    incoming: p.i,
    first: p.f!,
    last: p.l!,
  }));
  gaps.sort((x, y) => x.f!.getTime() - y.f!.getTime());
  out.silentPeriods = gaps.map((g) => ({
    from: g.f!,
    to: g.l!,
    hours: (g.l!.getTime() - g.f!.getTime()) / 3_600_000,
  }));
  return out;
}
