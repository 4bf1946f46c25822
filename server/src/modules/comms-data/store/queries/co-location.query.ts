import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type {
  CoLocatedNumber,
  CoLocatedPair,
  CoLocationOptions,
  RepeatedCoLocationOptions,
} from '../analytics-store.types.js';
import { dateFromMicros, dateOfMicros, num, queryRows } from '../duckdb-exec.js';
import { QueryInputError } from '../query-input-error.js';
import { sqlIntList } from '../sql-literal.js';
import { lookupIds, lookupNumbers } from './numbers.query.js';
import { minimumCount, pageLimit } from './query-options.js';
import { resolveScope, scopeCondition, scopeParams, timestampParam } from './scope.sql.js';
import { queryNumericColumns } from './vector-arrays.js';

const EARTH_RADIUS_M = 6_371_008.8;

function haversineSql(a: string, b: string): string {
  return `2 * ${EARTH_RADIUS_M} * asin(sqrt(pow(sin(radians(${b}.lat - ${a}.lat) / 2), 2)
    + cos(radians(${a}.lat)) * cos(radians(${b}.lat)) * pow(sin(radians(${b}.lon - ${a}.lon) / 2), 2)))`;
}

/** Whether a radius asks for nearby cells (one that is not a positive number does not). */
function hasRadius(radiusMetres: number | undefined): radiusMetres is number {
  return typeof radiusMetres === 'number' && radiusMetres > 0;
}

/**
 * (c0, c1) pairs of cells (`cells` ids) that count as "the same place": every cell with itself,
 * and with a radius every pair of sited cells within `$radius` metres (great-circle distance);
 * the values are {@link nearCellsParams}.
 */
function nearCellsSql(cellsOf: string, radiusMetres: number | undefined): string {
  const self = `SELECT DISTINCT cell AS c0, cell AS c1 FROM ${cellsOf}`;
  if (!hasRadius(radiusMetres)) return self;
  return `${self} UNION
    SELECT s.cell, ky.cell FROM (SELECT DISTINCT cell FROM ${cellsOf}) s
    JOIN cells kx ON kx.cell = s.cell JOIN cell_sites x ON x.cell_id = kx.cell_id
    JOIN cell_sites y ON y.lat BETWEEN x.lat - $dlat AND x.lat + $dlat
    JOIN cells ky ON ky.cell_id = y.cell_id
    WHERE ${haversineSql('x', 'y')} <= $radius`;
}

/** The parameters of {@link nearCellsSql}: the radius, and the latitude band (degrees) it spans. */
function nearCellsParams(radiusMetres: number | undefined): Record<string, DuckDBValue> {
  return hasRadius(radiusMetres) ? { radius: radiusMetres, dlat: radiusMetres / 111_000 + 1e-6 } : {};
}

const MAX_STORED_US = 4_294_967_296_000_000;

/** ±T in microseconds; a window longer than all stored time is that span (it stays a BIGINT). */
function windowMicros(minutes: number): number {
  if (typeof minutes !== 'number' || !(minutes >= 0))
    throw new QueryInputError('windowMinutes', 'windowMinutes must be a number ≥ 0');
  return Math.min(Math.round(minutes * 60_000_000), MAX_STORED_US);
}

/** The operators' cell ids of `cells` ids. */
async function cellNames(connection: DuckDBConnection, cells: Set<number>): Promise<Map<number, string>> {
  if (cells.size === 0) return new Map();
  const rows = await queryRows(
    connection,
    `SELECT cell, cell_id FROM cells WHERE cell IN (${sqlIntList(cells)})`,
  );
  return new Map(rows.map((r) => [num(r.cell), String(r.cell_id)]));
}

/** A cell to probe (`cells` id), with the subject's located events there or near it, sorted by time (µs). */
interface ProbeCell {
  cell: number;
  t: Float64Array;
  event: Float64Array;
}

/** Index of the first element of sorted `xs` that is ≥ `x`. */
function lowerBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each cell to probe, the subject's events whose own cell is that cell or near it. */
function probeCells(
  subject: { event: number; cell: number; t: number }[],
  near: Map<number, number[]>,
): ProbeCell[] {
  const lists = new Map<number, { event: number; t: number }[]>();
  for (const e of subject) {
    for (const c of near.get(e.cell) ?? [e.cell]) {
      const list = lists.get(c) ?? [];
      if (list.length === 0) lists.set(c, list);
      list.push(e);
    }
  }
  return [...lists].map(([cell, list]) => {
    list.sort((x, y) => x.t - y.t);
    return { cell, t: Float64Array.from(list, (e) => e.t), event: Float64Array.from(list, (e) => e.event) };
  });
}

interface Found {
  party: number;
  occurrences: number;
  subjectEvents: Set<number>;
  cells: Set<number>;
  first: number;
  last: number;
}

/**
 * Numbers seen on the subject's cell (or one within R metres) within ±T minutes of one of the
 * subject's located events. An occurrence is one pair of events (subject's, other's); the cell of an
 * event locates its served party only. Both events must be inside the scope. With `other`, only
 * that number is looked for (the co-location of a pair).
 *
 * Four short statements: the ids, the subject's located events (events_by_party, pruned to the
 * number's row groups), the other events on the probed cells within the subject's overall time span
 * (events_by_cell, sorted by (cell, time), so zone maps skip all but those cells' row groups) — or,
 * for a pair, the other number's located events — and the names of the numbers found. The windows
 * are matched here by binary search over each cell's subject times: one DuckDB statement per
 * window cost ~1 ms each, and a join over events_by_cell reads the whole table.
 */
export async function coLocation(
  connection: DuckDBConnection,
  number: string,
  options: CoLocationOptions,
): Promise<CoLocatedNumber[]> {
  const w = windowMicros(options.windowMinutes);
  const limit = pageLimit('limit', options.limit ?? 1000, Number.MAX_SAFE_INTEGER);
  const ids = await lookupIds(connection, options.other !== undefined ? [number, options.other] : [number]);
  const id = ids.get(number);
  const otherId = options.other !== undefined ? ids.get(options.other) : undefined;
  if (id === undefined || (options.other !== undefined && otherId === undefined)) return [];
  const s = await resolveScope(connection, options.scope);
  const inScope = (alias: string) =>
    scopeCondition(s, `${alias}.party_id`, `${alias}.other_id`, `${alias}.start_ts`);
  const subjSql = `SELECT event_id::DOUBLE AS event_id, cell, epoch_us(start_ts)::DOUBLE AS t FROM events_by_party p
    WHERE p.party_id = $subject AND p.cell IS NOT NULL AND ${inScope('p')}`;
  const subjValues = { subject: id, ...scopeParams(s) };
  const [subjEvents, subjCells, subjTimes] = await queryNumericColumns(
    connection,
    subjSql,
    ['f64', 'i32', 'f64'],
    subjValues,
  );
  const subject = Array.from(subjEvents, (event, i) => ({ event, cell: subjCells[i]!, t: subjTimes[i]! }));
  if (subject.length === 0) return [];
  const near = new Map<number, number[]>();
  if (hasRadius(options.radiusMetres)) {
    const pairs = await queryRows(
      connection,
      `WITH subj AS (${subjSql}) SELECT c0, c1 FROM (${nearCellsSql('subj', options.radiusMetres)})`,
      { ...subjValues, ...nearCellsParams(options.radiusMetres) },
    );
    for (const r of pairs) {
      const c0 = num(r.c0);
      near.set(c0, [...(near.get(c0) ?? []), num(r.c1)]);
    }
  }
  const probes = probeCells(subject, near);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of subject) {
    lo = Math.min(lo, e.t);
    hi = Math.max(hi, e.t);
  }
  const span = 'o.start_ts BETWEEN $span_from AND $span_to';
  const spanValues = {
    span_from: timestampParam(new Date(Math.floor(Math.max(0, lo - w) / 1000))),
    span_to: timestampParam(new Date(Math.ceil(Math.min(MAX_STORED_US, hi + w) / 1000))),
  };
  // Probe cells by index: the rows come back as three numeric vectors, no strings. The cells and
  // their indexes are integers read from DuckDB's vectors above, spelled by sqlIntList.
  const cellsIn = `JOIN (VALUES ${probes.map((p, k) => `(${sqlIntList([p.cell, k])})`).join(', ')}) AS probe(cell, k)
    ON probe.cell = o.cell`;
  const othersSql =
    otherId !== undefined
      ? `SELECT o.party_id, probe.k, epoch_us(o.start_ts)::DOUBLE FROM events_by_party o ${cellsIn}
         WHERE o.party_id = $other AND ${span} AND ${inScope('o')}`
      : `SELECT o.party_id, probe.k, epoch_us(o.start_ts)::DOUBLE FROM events_by_cell o ${cellsIn}
         WHERE o.cell IN (${sqlIntList(probes.map((p) => p.cell))}) AND o.party_id <> $subject
           AND ${span} AND ${inScope('o')}`;
  const othersValues =
    otherId !== undefined
      ? { other: otherId, ...spanValues, ...scopeParams(s) }
      : { subject: id, ...spanValues, ...scopeParams(s) };
  const [parties, cellIndex, times] = await queryNumericColumns(
    connection,
    othersSql,
    ['i32', 'i32', 'f64'],
    othersValues,
  );
  const found = new Map<number, Found>();
  for (let i = 0; i < parties.length; i++) {
    const probe = probes[cellIndex[i]!]!;
    const t = times[i]!;
    const from = lowerBound(probe.t, t - w);
    const to = lowerBound(probe.t, t + w + 1);
    if (from >= to) continue;
    const party = parties[i]!;
    let f = found.get(party);
    if (!f) {
      f = { party, occurrences: 0, subjectEvents: new Set(), cells: new Set(), first: t, last: t };
      found.set(party, f);
    }
    f.occurrences += to - from;
    for (let j = from; j < to; j++) f.subjectEvents.add(probe.event[j]!);
    f.cells.add(probe.cell);
    f.first = Math.min(f.first, t);
    f.last = Math.max(f.last, t);
  }
  const list = [...found.values()];
  const names = await lookupNumbers(
    connection,
    list.map((f) => f.party),
  );
  const cellIds = await cellNames(connection, new Set(list.flatMap((f) => [...f.cells])));
  const out: CoLocatedNumber[] = list.map((f, i) => ({
    number: names[i]!,
    occurrences: f.occurrences,
    subjectEvents: f.subjectEvents.size,
    cells: [...f.cells].map((c) => cellIds.get(c)!).sort(),
    first: dateOfMicros(f.first),
    last: dateOfMicros(f.last),
  }));
  out.sort(
    (x, y) => y.occurrences - x.occurrences || (x.number < y.number ? -1 : x.number > y.number ? 1 : 0),
  );
  return out.slice(0, limit);
}

/**
 * Pairs of numbers that co-locate (as in {@link coLocation}) at least `minOccurrences` times.
 *
 * Every condition the join can hash on is an equality: time is cut into buckets of the window's
 * width, so two events within ±T lie in the same or adjacent buckets, and each event probes its
 * (near cell, bucket − 1 … bucket + 1). Written as a plain range condition, DuckDB planned a
 * merge join on time across all cells: over ten minutes for 1 M events, against ~1 s this way.
 */
export async function repeatedCoLocation(
  connection: DuckDBConnection,
  options: RepeatedCoLocationOptions,
): Promise<CoLocatedPair[]> {
  const w = windowMicros(options.windowMinutes);
  const minOccurrences = minimumCount('minOccurrences', options.minOccurrences);
  const limit = pageLimit('limit', options.limit ?? 1000, Number.MAX_SAFE_INTEGER);
  const s = await resolveScope(connection, options.scope);
  const rows = await queryRows(
    connection,
    `WITH loc AS (SELECT party_id, cell, epoch_us(start_ts) AS t, epoch_us(start_ts) // $bucket AS tb
        FROM events_by_party p
        WHERE cell IS NOT NULL AND ${scopeCondition(s, 'p.party_id', 'p.other_id', 'p.start_ts')}),
      near AS (${nearCellsSql('loc', options.radiusMetres)}),
      probe AS (SELECT x.party_id, x.t, near.c1 AS cell, x.tb + o.d AS tb
        FROM loc x JOIN near ON near.c0 = x.cell CROSS JOIN (VALUES (-1), (0), (1)) AS o(d)),
      hits AS (SELECT x.party_id AS p, y.party_id AS q, least(x.t, y.t) AS f, greatest(x.t, y.t) AS l
        FROM probe x JOIN loc y ON y.cell = x.cell AND y.tb = x.tb
        WHERE x.party_id < y.party_id AND y.t BETWEEN x.t - $w AND x.t + $w)
    SELECT na.number AS a, nb.number AS b, h.occ, h.f, h.l
    FROM (SELECT p, q, count(*) AS occ, min(f) AS f, max(l) AS l FROM hits GROUP BY p, q
          HAVING count(*) >= $min_occurrences) h
    JOIN numbers na ON na.id = h.p JOIN numbers nb ON nb.id = h.q
    ORDER BY h.occ DESC, na.number, nb.number LIMIT $limit`,
    {
      bucket: Math.max(1, w),
      w,
      min_occurrences: minOccurrences,
      limit,
      ...nearCellsParams(options.radiusMetres),
      ...scopeParams(s),
    },
  );
  return rows.map((r) => ({
    a: String(r.a),
    b: String(r.b),
    occurrences: num(r.occ),
    first: dateFromMicros(r.f)!,
    last: dateFromMicros(r.l)!,
  }));
}
