import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { CommsEvent, EventPage, PairEventsOptions, Scope } from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { eventTypeOfCode } from '../event-type.js';
import { pageLimit, pageOffset } from './query-options.js';
import { lookupIds } from './numbers.query.js';
import { resolveScope, scopeCondition, scopeParams } from './scope.sql.js';

type Row = Record<string, DuckDBValue>;

function eventOfRow(r: Row, parties: { a: string; b: string }): CommsEvent {
  return {
    id: num(r.id),
    type: eventTypeOfCode(num(r.type)),
    ...parties,
    start: dateFromMicros(r.ts)!,
    durationS: r.duration_s === null ? null : num(r.duration_s),
    cellId: r.cell_id === null ? null : String(r.cell_id),
    imei: r.imei === null ? null : String(r.imei),
    imsi: r.imsi === null ? null : String(r.imsi),
    sourceFile: String(r.source_file),
    sourceLine: num(r.source_line),
  };
}

/** The dataset's first events by id (the first records loaded, in file and line order). */
export async function firstEvents(connection: DuckDBConnection, limit: number): Promise<CommsEvent[]> {
  const rows = await queryRows(
    connection,
    `SELECT e.id, e.type, na.number AS a, nb.number AS b, epoch_us(e.start_ts) AS ts, e.duration_s,
       k.cell_id, e.imei, e.imsi, s.path AS source_file, e.source_line
     FROM (SELECT * FROM events ORDER BY id LIMIT $1) e
       JOIN numbers na ON na.id = e.a_id JOIN numbers nb ON nb.id = e.b_id
       LEFT JOIN cells k ON k.cell = e.cell JOIN sources s ON s.source = e.source
     ORDER BY e.id`,
    [pageLimit('limit', limit, 10_000)],
  );
  return rows.map((r) => eventOfRow(r, { a: String(r.a), b: String(r.b) }));
}

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
  const limit = pageLimit('limit', options.limit ?? 100, 10_000);
  const offset = pageOffset('offset', options.offset ?? 0);
  const s = await resolveScope(connection, scope);
  const where = `p.party_id = $a AND p.other_id = $b ${options.bothDirections ? '' : 'AND p.dir = 0'}
    AND ${scopeCondition(s, 'p.party_id', 'p.other_id', 'p.start_ts')}`;
  const values = { a: aId, b: bId, ...scopeParams(s) };
  const total = await queryRows(
    connection,
    `SELECT count(*) AS n FROM events_by_party p WHERE ${where}`,
    values,
  );
  const rows = await queryRows(
    connection,
    `WITH page AS (SELECT event_id, start_ts FROM events_by_party p WHERE ${where}
       ORDER BY start_ts, event_id LIMIT $limit OFFSET $offset)
     SELECT e.id, e.type, e.a_id, epoch_us(e.start_ts) AS ts, e.duration_s, k.cell_id, e.imei, e.imsi,
       s.path AS source_file, e.source_line
     FROM page JOIN events e ON e.id = page.event_id LEFT JOIN cells k ON k.cell = e.cell
       JOIN sources s ON s.source = e.source
     ORDER BY page.start_ts, e.id`,
    { ...values, limit, offset },
  );
  // Every event of the page is between a and b: their numbers are known, no lookup needed.
  const ends = (aOfEvent: number) => (aOfEvent === aId ? { a, b } : { a: b, b: a });
  const events = rows.map((r) => eventOfRow(r, ends(num(r.a_id))));
  return { total: num(total[0]!.n), events };
}
