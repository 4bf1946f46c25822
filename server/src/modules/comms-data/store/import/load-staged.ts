import type { DuckDBConnection } from '@duckdb/node-api';
import { readMeta, writeMeta } from '../dataset-meta.js';
import { num, queryRows } from '../duckdb-exec.js';
import { sqlString } from '../sql-literal.js';
import type { ImportProgressReporter } from './import-progress.js';

export const INCOMING_TABLE_SQL = `CREATE TEMP TABLE incoming (file_idx INTEGER, line BIGINT, type TINYINT, served TINYINT,
  a VARCHAR, b VARCHAR, start_ts TIMESTAMP, duration_s INTEGER, cell_id VARCHAR, imei VARCHAR, imsi VARCHAR)`;

const CONTENT = 'type, served, a_id, b_id, start_ts, duration_s, cell_id, imei, imsi';

/**
 * Moves the validated rows of `incoming` into the dataset: new parties get the next dense ids;
 * exact duplicates (same type, parties, time, duration, cell, IMEI, IMSI) are dropped within the
 * import, keeping the first by file and line, and against the events already held. Returns the
 * first new event id and the loaded count per file index.
 */
export async function loadStaged(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  files: string[],
): Promise<{ firstEventId: number; loadedByFile: number[] }> {
  const nextNumber = await readMeta(connection, 'next_number_id');
  const firstEventId = await readMeta(connection, 'next_event_id');
  await reporter.run(`INSERT INTO numbers
    SELECT ${nextNumber} + row_number() OVER (ORDER BY n) - 1, n
    FROM (SELECT a AS n FROM incoming UNION SELECT b FROM incoming) fresh
    WHERE NOT EXISTS (SELECT 1 FROM numbers x WHERE x.number = fresh.n)`);
  const numberCount = await queryRows(connection, 'SELECT count(*) AS n FROM numbers');
  await writeMeta(connection, 'next_number_id', num(numberCount[0]!.n));
  reporter.phase('dedupe');
  await reporter.run(`CREATE TEMP TABLE candidates AS
    SELECT i.type, i.served, na.id AS a_id, nb.id AS b_id, i.start_ts, i.duration_s, i.cell_id, i.imei, i.imsi,
      min({'f': i.file_idx, 'l': i.line}) AS src
    FROM incoming i JOIN numbers na ON na.number = i.a JOIN numbers nb ON nb.number = i.b
    GROUP BY ALL`);
  reporter.phase('load');
  const sameAs = CONTENT.split(', ')
    .map((c) => `e.${c} IS NOT DISTINCT FROM c.${c}`)
    .join(' AND ');
  const fileCase = files.map((f, i) => `WHEN ${i} THEN ${sqlString(f)}`).join(' ');
  await reporter.run(`INSERT INTO events
    SELECT ${firstEventId} + row_number() OVER (ORDER BY c.src) - 1, c.type, c.a_id, c.b_id, c.start_ts, c.duration_s,
      c.cell_id, c.imei, c.imsi, c.served, CASE c.src.f ${fileCase} END, c.src.l
    FROM candidates c
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE ${sameAs})
    ORDER BY c.src`);
  const loaded = await queryRows(
    connection,
    `SELECT source_file, count(*) AS n, max(id) AS max_id FROM events WHERE id >= ${firstEventId} GROUP BY source_file`,
  );
  const loadedByFile = files.map(() => 0);
  let nextEvent = firstEventId;
  for (const r of loaded) {
    loadedByFile[files.indexOf(String(r.source_file))] = num(r.n);
    nextEvent = Math.max(nextEvent, num(r.max_id) + 1);
  }
  await writeMeta(connection, 'next_event_id', nextEvent);
  return { firstEventId, loadedByFile };
}
