/**
 * Tables of one dataset's DuckDB file. `events` is append-only; `events_by_party` and `pairs` are
 * derived from it after each import (see import/rebuild-derived.ts).
 */
export const DATASET_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS numbers (id INTEGER NOT NULL, number VARCHAR NOT NULL UNIQUE);
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
