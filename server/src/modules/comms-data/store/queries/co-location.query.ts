import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  CoLocatedNumber,
  CoLocatedPair,
  CoLocationOptions,
  RepeatedCoLocationOptions,
} from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { lookupIds } from './numbers.query.js';
import { resolveScope, scopeCondition } from './scope.sql.js';

const EARTH_RADIUS_M = 6_371_008.8;

function haversineSql(a: string, b: string): string {
  return `2 * ${EARTH_RADIUS_M} * asin(sqrt(pow(sin(radians(${b}.lat - ${a}.lat) / 2), 2)
    + cos(radians(${a}.lat)) * cos(radians(${b}.lat)) * pow(sin(radians(${b}.lon - ${a}.lon) / 2), 2)))`;
}

/**
 * (c0, c1) cell pairs that count as "the same place": every cell with itself, and with radius R
 * every pair of sited cells within R metres (great-circle distance).
 */
function nearCellsSql(cellsOf: string, radiusMetres: number | undefined): string {
  const self = `SELECT DISTINCT cell_id AS c0, cell_id AS c1 FROM ${cellsOf}`;
  if (!radiusMetres || radiusMetres <= 0) return self;
  const dLat = radiusMetres / 111_000 + 1e-6;
  return `${self} UNION
    SELECT x.cell_id, y.cell_id FROM (SELECT DISTINCT cell_id FROM ${cellsOf}) s
    JOIN cell_sites x ON x.cell_id = s.cell_id
    JOIN cell_sites y ON y.lat BETWEEN x.lat - ${dLat} AND x.lat + ${dLat}
    WHERE ${haversineSql('x', 'y')} <= ${radiusMetres}`;
}

function windowMicros(minutes: number): number {
  if (!(minutes >= 0)) throw new Error('windowMinutes must be ≥ 0');
  return Math.round(minutes * 60_000_000);
}

/**
 * Numbers seen on the subject's cell (or one within R metres) within ±T minutes of one of the
 * subject's located events. An occurrence is one pair of events (subject's, other's); the cell of an
 * event locates its served party only. Both events must be inside the scope.
 */
export async function coLocation(
  connection: DuckDBConnection,
  number: string,
  options: CoLocationOptions,
): Promise<CoLocatedNumber[]> {
  const id = (await lookupIds(connection, [number])).get(number);
  if (id === undefined) return [];
  const s = await resolveScope(connection, options.scope);
  const inScope = (alias: string) =>
    scopeCondition(s, `${alias}.party_id`, `${alias}.other_id`, `${alias}.start_ts`);
  const w = windowMicros(options.windowMinutes);
  const rows = await queryRows(
    connection,
    `WITH subj AS (SELECT event_id, cell_id, epoch_us(start_ts) AS t FROM events_by_party p
        WHERE p.party_id = ${id} AND p.cell_id IS NOT NULL AND ${inScope('p')}),
      near AS (${nearCellsSql('subj', options.radiusMetres)}),
      hits AS (SELECT o.party_id, subj.event_id AS se, o.cell_id, epoch_us(o.start_ts) AS t
        FROM subj JOIN near ON near.c0 = subj.cell_id
        JOIN events_by_party o ON o.cell_id = near.c1
          AND epoch_us(o.start_ts) BETWEEN subj.t - ${w} AND subj.t + ${w}
        WHERE o.party_id <> ${id} AND ${inScope('o')})
    SELECT n.number, h.occ, h.se, h.cells, h.f, h.l FROM (SELECT party_id, count(*) AS occ, count(DISTINCT se) AS se,
        list(DISTINCT cell_id ORDER BY cell_id) AS cells, min(t) AS f, max(t) AS l FROM hits GROUP BY party_id) h
    JOIN numbers n ON n.id = h.party_id
    ORDER BY h.occ DESC, n.number LIMIT ${Math.max(1, options.limit ?? 1000)}`,
  );
  return rows.map((r) => ({
    number: String(r.number),
    occurrences: num(r.occ),
    subjectEvents: num(r.se),
    cells: (r.cells as { items: unknown[] }).items.map(String),
    first: dateFromMicros(r.f)!,
    last: dateFromMicros(r.l)!,
  }));
}

/** Pairs of numbers that co-locate (as in {@link coLocation}) at least `minOccurrences` times. */
export async function repeatedCoLocation(
  connection: DuckDBConnection,
  options: RepeatedCoLocationOptions,
): Promise<CoLocatedPair[]> {
  const s = await resolveScope(connection, options.scope);
  const w = windowMicros(options.windowMinutes);
  const rows = await queryRows(
    connection,
    `WITH loc AS (SELECT party_id, cell_id, epoch_us(start_ts) AS t FROM events_by_party p
        WHERE cell_id IS NOT NULL AND ${scopeCondition(s, 'p.party_id', 'p.other_id', 'p.start_ts')}),
      near AS (${nearCellsSql('loc', options.radiusMetres)}),
      hits AS (SELECT x.party_id AS p, y.party_id AS q, least(x.t, y.t) AS f, greatest(x.t, y.t) AS l
        FROM loc x JOIN near ON near.c0 = x.cell_id
        JOIN loc y ON y.cell_id = near.c1 AND y.t BETWEEN x.t - ${w} AND x.t + ${w}
        WHERE x.party_id < y.party_id)
    SELECT na.number AS a, nb.number AS b, h.occ, h.f, h.l
    FROM (SELECT p, q, count(*) AS occ, min(f) AS f, max(l) AS l FROM hits GROUP BY p, q
          HAVING count(*) >= ${Math.max(1, Math.floor(options.minOccurrences))}) h
    JOIN numbers na ON na.id = h.p JOIN numbers nb ON nb.id = h.q
    ORDER BY h.occ DESC, na.number, nb.number LIMIT ${Math.max(1, options.limit ?? 1000)}`,
  );
  return rows.map((r) => ({
    a: String(r.a),
    b: String(r.b),
    occurrences: num(r.occ),
    first: dateFromMicros(r.f)!,
    last: dateFromMicros(r.l)!,
  }));
}
