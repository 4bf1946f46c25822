import type { DuckDBConnection } from '@duckdb/node-api';
import type { CommsEvent, EventPage, PairEventsOptions, Scope } from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { eventTypeOfCode } from '../event-type.js';
import { lookupIds } from './numbers.query.js';
import { resolveScope, scopeCondition } from './scope.sql.js';

/** The events behind the edge a→b (or both directions), in time order, one page at a time. */
export async function pairEvents(
  connection: DuckDBConnection,
  a: string,
  b: string,
  scope: Scope | undefined,
  options: PairEventsOptions = {},
): Promise<EventPage> {
  const ids = await lookupIds(connection, [a, b]);
  const aId = ids.get(a);
  const bId = ids.get(b);
  if (aId === undefined || bId === undefined) return { total: 0, events: [] };
  const limit = Math.max(1, Math.min(options.limit ?? 100, 10_000));
  const offset = Math.max(0, options.offset ?? 0);
  const s = await resolveScope(connection, scope);
  const where = `p.party_id = ${aId} AND p.other_id = ${bId} ${options.bothDirections ? '' : 'AND p.dir = 0'}
    AND ${scopeCondition(s, 'p.party_id', 'p.other_id', 'p.start_ts')}`;
  const total = await queryRows(connection, `SELECT count(*) AS n FROM events_by_party p WHERE ${where}`);
  const rows = await queryRows(
    connection,
    `WITH page AS (SELECT event_id, start_ts FROM events_by_party p WHERE ${where}
       ORDER BY start_ts, event_id LIMIT ${limit} OFFSET ${offset})
     SELECT e.id, e.type, e.a_id, epoch_us(e.start_ts) AS ts, e.duration_s, k.cell_id, e.imei, e.imsi,
       s.path AS source_file, e.source_line
     FROM page JOIN events e ON e.id = page.event_id LEFT JOIN cells k ON k.cell = e.cell
       JOIN sources s ON s.source = e.source
     ORDER BY page.start_ts, e.id`,
  );
  // Every event of the page is between a and b: their numbers are known, no lookup needed.
  const ends = (aOfEvent: number) => (aOfEvent === aId ? { a, b } : { a: b, b: a });
  const events: CommsEvent[] = rows.map((r) => ({
    id: num(r.id),
    type: eventTypeOfCode(num(r.type)),
    ...ends(num(r.a_id)),
    start: dateFromMicros(r.ts)!,
    durationS: r.duration_s === null ? null : num(r.duration_s),
    cellId: r.cell_id === null ? null : String(r.cell_id),
    imei: r.imei === null ? null : String(r.imei),
    imsi: r.imsi === null ? null : String(r.imsi),
    sourceFile: String(r.source_file),
    sourceLine: num(r.source_line),
  }));
  return { total: num(total[0]!.n), events };
}
