import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Tables of one dataset's DuckDB file. `events` is append-only; `events_by_party`,
 * `events_by_cell` and `pairs` are derived from it after each import (see import/rebuild-derived.ts).
 */
export const DATASET_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS numbers (id INTEGER NOT NULL, number VARCHAR NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS numbers_by_id ON numbers (id);
CREATE TABLE IF NOT EXISTS events (
  id BIGINT NOT NULL, type TINYINT NOT NULL, a_id INTEGER NOT NULL, b_id INTEGER NOT NULL,
  start_ts TIMESTAMP NOT NULL, duration_s INTEGER, cell_id VARCHAR, imei VARCHAR, imsi VARCHAR,
  served TINYINT NOT NULL, source_file VARCHAR NOT NULL, source_line BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS events_by_party (
  party_id INTEGER NOT NULL, start_ts TIMESTAMP NOT NULL, other_id INTEGER NOT NULL, dir TINYINT NOT NULL,
  type TINYINT NOT NULL, duration_s INTEGER, cell_id VARCHAR, event_id BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS pairs (
  a_id INTEGER NOT NULL, b_id INTEGER NOT NULL, weight UINTEGER NOT NULL, first_seen UINTEGER NOT NULL,
  last_seen UINTEGER NOT NULL, type_mask UTINYINT NOT NULL);
CREATE TABLE IF NOT EXISTS cell_sites (cell_id VARCHAR NOT NULL, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, azimuth SMALLINT);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR NOT NULL, value BIGINT NOT NULL);
`;

export type MetaKey = 'data_version' | 'next_event_id' | 'next_number_id' | 'ebp_runs';

/** Located rows of events_by_party sorted by (cell, time): co-location reads cell/time ranges. */
export const EVENTS_BY_CELL_SELECT = `SELECT cell_id, start_ts, party_id, other_id, event_id FROM events_by_party
  WHERE cell_id IS NOT NULL ORDER BY cell_id, start_ts`;

/** Creates the tables, and derives events_by_cell for a dataset written before it existed. */
export async function ensureSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(DATASET_SCHEMA_SQL);
  const r = await connection.runAndReadAll(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'events_by_cell' AND NOT temporary",
  );
  if (Number(r.getRowObjects()[0]!.n) === 0)
    await connection.run(`CREATE TABLE events_by_cell AS ${EVENTS_BY_CELL_SELECT}`);
}
