import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { readMeta } from '../dataset-meta.js';
import { SHADOW_PREFIX, TABLE_DDL } from '../dataset-schema.sql.js';
import { num, queryRows } from '../duckdb-exec.js';
import type { ImportProgressReporter } from './import-progress.js';
import { PARTY_IDS } from './party-map.js';
import type { StagedFile } from './stage-file.js';

/**
 * The content of a record: two records are exact duplicates when all of these are equal (NULL =
 * NULL). Parties and cells are compared by id (one number ↔ one id).
 */
const CONTENT_COLUMNS = ['type', 'served', 'a_id', 'b_id', 'start_ts', 'duration_s', 'cell', 'imei', 'imsi'];
const CONTENT = CONTENT_COLUMNS.join(', ');

/** 64-bit hash of a record's content; equal content ⇒ equal hash (equal hash is then checked exactly). */
function contentHashSql(alias: string): string {
  return `hash(${CONTENT_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;
}

function sameContentSql(x: string, y: string): string {
  return CONTENT_COLUMNS.map((c) => `${x}.${c} IS NOT DISTINCT FROM ${y}.${c}`).join(' AND ');
}

/** The import's new cells (temporary table: cell, cell_id), inserted into `cells` at the commit. */
export const NEW_CELLS = 'new_cells';
/** The import's new events, in the `events` layout, moved into `events` at the commit. */
export const IMPORT_EVENTS = `${SHADOW_PREFIX}events`;

export interface LoadPlan {
  /** next_event_id once the import commits. */
  nextEventId: number;
  /** `sources` id of the first file (the others follow in order). */
  firstSource: number;
  /** Events of each file in the import's new events, counted there (not derived). */
  loadedByFile: number[];
  /** Exact duplicates of each file deleted from the new events. */
  duplicatesByFile: number[];
}

/**
 * Loads the good rows of the staged files into the import's new events ({@link IMPORT_EVENTS})
 * without touching the dataset's own tables: parties take their ids from {@link PARTY_IDS} (joined
 * on the values as read), new cells get the next ids. Event ids increase with (file, line):
 * id = first id + lines of the earlier files + line − 1, so ids are unique and ordered but skip the
 * lines that were headers, rejects or duplicates.
 *
 * Exact duplicates (same type, parties, time, duration, cell, IMEI, IMSI) are then deleted from the
 * new events, keeping the first by (file, line), within the import and against the events already
 * held. Duplicate detection keys on a 64-bit content hash of the integer columns: only rows whose
 * hash occurs twice (or occurs among the held events of the same time range) are compared column by
 * column, so a hash collision can never drop a distinct record. Held events are scanned only over
 * the new rows' time range (zone maps prune the rest), and not at all when the dataset is empty.
 */
export async function loadStaged(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  files: string[],
  staged: StagedFile[],
): Promise<LoadPlan> {
  const firstEventId = await readMeta(connection, 'next_event_id');
  const incoming = `(${staged.map((f) => f.goodRows).join('\n    UNION ALL ')})`;
  await reporter.run(`CREATE TEMP TABLE ${NEW_CELLS} AS
    SELECT ((SELECT coalesce(max(cell) + 1, 0) FROM cells) + row_number() OVER (ORDER BY c) - 1)::INTEGER AS cell,
      c AS cell_id
    FROM (SELECT DISTINCT cell_id AS c FROM ${incoming} WHERE cell_id IS NOT NULL) fresh
    ANTI JOIN cells x ON x.cell_id = fresh.c`);
  const firstSource = num(
    (await queryRows(connection, 'SELECT coalesce(max(source) + 1, 0) AS n FROM sources'))[0]!.n,
  );
  const span = await queryRows(
    connection,
    `SELECT file_idx AS f, max(line) AS m, epoch_us(min(start_ts)) AS lo, epoch_us(max(start_ts)) AS hi
     FROM ${incoming} GROUP BY f`,
  );
  const lineCount = files.map(() => 0);
  for (const r of span) lineCount[num(r.f)] = num(r.m);
  const base = lineCount.map((_, i) => firstEventId + lineCount.slice(0, i).reduce((s, x) => s + x, 0) - 1);
  const fileCase = (values: string[]) =>
    `CASE i.file_idx ${values.map((v, i) => `WHEN ${i} THEN ${v}`).join(' ')} END`;
  const cells = `(SELECT cell, cell_id FROM cells UNION ALL SELECT cell, cell_id FROM ${NEW_CELLS})`;
  // Ids come from (file, line), so the insert needs no sort and no numbering window; DuckDB keeps
  // insertion order, so events lie in id order and zone maps on id serve the evidence lookups.
  await connection.run(TABLE_DDL.events(IMPORT_EVENTS));
  await reporter.run(`INSERT INTO ${IMPORT_EVENTS}
    SELECT ${fileCase(base.map(String))} + i.line, i.type, na.id, nb.id, i.start_ts, i.duration_s,
      k.cell, i.imei, i.imsi, i.served, ${firstSource} + i.file_idx, i.line
    FROM ${incoming} i JOIN ${PARTY_IDS} na ON na.r = i.ra JOIN ${PARTY_IDS} nb ON nb.r = i.rb
    LEFT JOIN ${cells} k ON k.cell_id = i.cell_id`);
  for (const t of staged.flatMap((f) => f.tables)) await connection.run(`DROP TABLE ${t}`);
  await connection.run(`DROP TABLE ${PARTY_IDS}`);
  reporter.phase('dedupe');
  const dropped = await dropDuplicates(connection, reporter, firstEventId, span);
  const duplicatesByFile = staged.map(() => 0);
  for (const r of dropped) duplicatesByFile[num(r.source) - firstSource] = num(r.n);
  // Counted in the table, so the import's accounting catches a row the joins above lost.
  const loadedByFile = staged.map(() => 0);
  const loaded = await queryRows(
    connection,
    `SELECT source, count(*) AS n FROM ${IMPORT_EVENTS} GROUP BY source`,
  );
  for (const r of loaded) loadedByFile[num(r.source) - firstSource] = num(r.n);
  return {
    nextEventId: firstEventId + lineCount.reduce((s, x) => s + x, 0),
    firstSource,
    loadedByFile,
    duplicatesByFile,
  };
}

/**
 * Deletes the duplicates among the import's new events: later copies within the import, and
 * copies of events already held (only those in the new rows' time range can match). Returns the
 * count deleted per source.
 */
async function dropDuplicates(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  firstEventId: number,
  span: Record<string, DuckDBValue>[],
): Promise<Record<string, DuckDBValue>[]> {
  await reporter.run(`CREATE TEMP TABLE dropped AS
    WITH hashed AS (SELECT id, ${contentHashSql('e')} AS h FROM ${IMPORT_EVENTS} e),
      repeated AS (SELECT h FROM hashed GROUP BY h HAVING count(*) > 1),
      suspects AS (SELECT e.* FROM ${IMPORT_EVENTS} e SEMI JOIN (SELECT id FROM hashed SEMI JOIN repeated USING (h)) s
        ON s.id = e.id)
    SELECT id, source FROM (SELECT id, source, row_number() OVER (PARTITION BY ${CONTENT} ORDER BY id) AS k
      FROM suspects)
    WHERE k > 1`);
  if (span.length > 0 && firstEventId > 0) {
    const lo = Math.min(...span.map((r) => num(r.lo)));
    const hi = Math.max(...span.map((r) => num(r.hi)));
    const inRange = `start_ts BETWEEN make_timestamp(${lo}) AND make_timestamp(${hi})`;
    await reporter.run(`INSERT INTO dropped
      WITH held AS (SELECT ${CONTENT} FROM events WHERE ${inRange}),
        held_h AS (SELECT DISTINCT ${contentHashSql('e')} AS h FROM held e),
        suspects AS (SELECT i.* FROM ${IMPORT_EVENTS} i SEMI JOIN held_h ON held_h.h = ${contentHashSql('i')})
      SELECT s.id, s.source FROM suspects s SEMI JOIN held e ON e.a_id = s.a_id AND e.b_id = s.b_id
        AND e.start_ts = s.start_ts AND ${sameContentSql('e', 's')}
      ANTI JOIN dropped d ON d.id = s.id`);
  }
  const bySource = await queryRows(connection, 'SELECT source, count(*) AS n FROM dropped GROUP BY source');
  if (bySource.length > 0)
    await connection.run(`DELETE FROM ${IMPORT_EVENTS} WHERE id IN (SELECT id FROM dropped)`);
  await connection.run('DROP TABLE dropped');
  return bySource;
}
