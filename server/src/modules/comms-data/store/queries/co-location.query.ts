import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  CoLocatedNumber,
  CoLocatedPair,
  CoLocationOptions,
  RepeatedCoLocationOptions,
} from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { sqlString, sqlTimestamp } from '../sql-literal.js';
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

/** Above this many (cell, time) ranges to probe, one join over events_by_cell replaces the range scans. */
export const MAX_RANGE_SCANS = 32;
const MAX_STORED_US = 4_294_967_296_000_000;

/**
 * The subject's windows as disjoint (cell, [lo, hi]) ranges (µs): every near cell of each located
 * event, ±w, merged per cell. Null when there are more than {@link MAX_RANGE_SCANS}.
 */
function probeRanges(
  subject: { cell: string; t: number }[],
  near: Map<string, string[]>,
  w: number,
): { cell: string; lo: number; hi: number }[] | null {
  const byCell = new Map<string, [number, number][]>();
  for (const e of subject) {
    for (const c of near.get(e.cell) ?? [e.cell]) {
      const list = byCell.get(c) ?? [];
      if (list.length === 0) byCell.set(c, list);
      // Stored times lie in [1970, 2106) (see import/source-select.sql.ts).
      list.push([Math.max(0, e.t - w), Math.min(MAX_STORED_US, e.t + w)]);
    }
  }
  const out: { cell: string; lo: number; hi: number }[] = [];
  for (const [cell, list] of byCell) {
    list.sort((x, y) => x[0] - y[0]);
    let [lo, hi] = list[0]!;
    for (const [l, h] of list.slice(1)) {
      if (l <= hi) hi = Math.max(hi, h);
      else {
        out.push({ cell, lo, hi });
        [lo, hi] = [l, h];
      }
    }
    out.push({ cell, lo, hi });
    if (out.length > MAX_RANGE_SCANS) return null;
  }
  return out;
}

/**
 * Numbers seen on the subject's cell (or one within R metres) within ±T minutes of one of the
 * subject's located events. An occurrence is one pair of events (subject's, other's); the cell of an
 * event locates its served party only. Both events must be inside the scope.
 *
 * The subject's located events come from events_by_party (pruned to the number's row groups); the
 * others' from events_by_cell, sorted by (cell, time), read as one constant range scan per merged
 * (cell, window) so zone maps skip everything else; a subject with more ranges than
 * {@link MAX_RANGE_SCANS} is answered by one join over events_by_cell instead.
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
  const subjSql = `SELECT event_id, cell_id, epoch_us(start_ts) AS t FROM events_by_party p
    WHERE p.party_id = ${id} AND p.cell_id IS NOT NULL AND ${inScope('p')}`;
  const subject = (await queryRows(connection, subjSql)).map((r) => ({
    cell: String(r.cell_id),
    t: num(r.t),
  }));
  if (subject.length === 0) return [];
  const near = new Map<string, string[]>();
  if (options.radiusMetres && options.radiusMetres > 0) {
    const pairs = await queryRows(
      connection,
      `WITH subj AS (${subjSql}) SELECT c0, c1 FROM (${nearCellsSql('subj', options.radiusMetres)})`,
    );
    for (const r of pairs) {
      const c0 = String(r.c0);
      near.set(c0, [...(near.get(c0) ?? []), String(r.c1)]);
    }
  }
  const ranges = probeRanges(subject, near, w);
  const located = `SELECT party_id, cell_id, epoch_us(start_ts) AS t FROM events_by_cell o
    WHERE o.party_id <> ${id} AND ${inScope('o')}`;
  const others = ranges
    ? ranges
        .map(
          (r) => `${located} AND o.cell_id = ${sqlString(r.cell)}
        AND o.start_ts BETWEEN ${sqlTimestamp(new Date(Math.floor(r.lo / 1000)))} AND ${sqlTimestamp(new Date(Math.ceil(r.hi / 1000)))}`,
        )
        .join('\n      UNION ALL ')
    : located;
  const rows = await queryRows(
    connection,
    `WITH subj AS (${subjSql}),
      near AS (${nearCellsSql('subj', options.radiusMetres)}),
      others AS (${others}),
      hits AS (SELECT o.party_id, subj.event_id AS se, o.cell_id, o.t
        FROM subj JOIN near ON near.c0 = subj.cell_id
        JOIN others o ON o.cell_id = near.c1 AND o.t BETWEEN subj.t - ${w} AND subj.t + ${w})
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
