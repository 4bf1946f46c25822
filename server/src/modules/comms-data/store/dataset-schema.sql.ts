import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent } from './sql-literal.js';

/**
 * Tables of one dataset's DuckDB file. `events` is append-only; `events_by_party`,
 * `events_by_cell` and `pairs` are derived from it after each import (see import/rebuild-derived.ts).
 * Parties, cells and source files are small dictionaries (`numbers`, `cells`, `sources`): the event
 * tables hold only their integer ids, so writing and sorting them compresses no strings (ADR 0008).
 * The column lists are functions of the table name because an import builds its tables under a
 * {@link SHADOW_PREFIX} name first and renames them into place when it commits.
 */
export const TABLE_DDL = {
  events: (name: string) => `CREATE TABLE ${name} (
  id BIGINT NOT NULL, type TINYINT NOT NULL, a_id INTEGER NOT NULL, b_id INTEGER NOT NULL,
  start_ts TIMESTAMP NOT NULL, duration_s INTEGER, cell INTEGER, imei VARCHAR, imsi VARCHAR,
  served TINYINT NOT NULL, source INTEGER NOT NULL, source_line BIGINT NOT NULL)`,
  events_by_party: (name: string) => `CREATE TABLE ${name} (
  party_id INTEGER NOT NULL, start_ts TIMESTAMP NOT NULL, other_id INTEGER NOT NULL, dir TINYINT NOT NULL,
  type TINYINT NOT NULL, duration_s INTEGER, cell INTEGER, event_id BIGINT NOT NULL)`,
  events_by_cell: (name: string) => `CREATE TABLE ${name} (
  cell INTEGER, start_ts TIMESTAMP, party_id INTEGER, other_id INTEGER, event_id BIGINT)`,
  pairs: (name: string) => `CREATE TABLE ${name} (
  a_id INTEGER NOT NULL, b_id INTEGER NOT NULL, weight UINTEGER NOT NULL, first_seen UINTEGER NOT NULL,
  last_seen UINTEGER NOT NULL, type_mask UTINYINT NOT NULL)`,
} as const;

export type ShadowedTable = keyof typeof TABLE_DDL;

/**
 * Prefix of the tables an import writes before it commits. DuckDB scans data written inside the
 * open transaction on one thread only (its transaction-local storage), so the import writes its
 * bulk in committed `import_*` tables that no reader ever names, and one short transaction at the
 * end swaps them in (ADR 0006). Left over only by a killed import; dropped when the file opens.
 */
export const SHADOW_PREFIX = 'import_';

function ifMissing(ddl: string): string {
  return ddl.replace(/^CREATE TABLE /, 'CREATE TABLE IF NOT EXISTS ');
}

/** The dataset's tables, created where missing. */
export const DATASET_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS numbers (id INTEGER NOT NULL, number VARCHAR NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS numbers_by_id ON numbers (id);
CREATE TABLE IF NOT EXISTS cells (cell INTEGER NOT NULL, cell_id VARCHAR NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS sources (source INTEGER NOT NULL, path VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL);
${ifMissing(TABLE_DDL.events('events'))};
${ifMissing(TABLE_DDL.events_by_party('events_by_party'))};
${ifMissing(TABLE_DDL.pairs('pairs'))};
CREATE TABLE IF NOT EXISTS cell_sites (cell_id VARCHAR NOT NULL, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, azimuth SMALLINT);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR NOT NULL, value BIGINT NOT NULL);
`;

export type MetaKey = 'data_version' | 'next_event_id' | 'next_number_id' | 'ebp_runs';

/**
 * The directed pairs of the events of `source` that match `where`, as the pairs table holds them:
 * weight = events, first/last = UTC epoch seconds, type mask bit 1 << type (unordered).
 */
export function pairsOfEventsSelect(source: string, where = 'true'): string {
  return `SELECT a_id, b_id, count(*)::UINTEGER AS weight, min(epoch(start_ts))::UINTEGER AS first_seen,
      max(epoch(start_ts))::UINTEGER AS last_seen, bit_or((1 << type)::UTINYINT) AS type_mask
    FROM ${source} WHERE ${where} GROUP BY a_id, b_id`;
}

/** Located rows of events_by_party sorted by (cell, time): co-location reads cell/time ranges. */
export function eventsByCellSelect(eventsByParty: string): string {
  return `SELECT cell, start_ts, party_id, other_id, event_id FROM ${eventsByParty}
  WHERE cell IS NOT NULL ORDER BY cell, start_ts`;
}

/** Drops the shadow tables a killed import left behind (see {@link SHADOW_PREFIX}). */
export async function dropShadowTables(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND starts_with(table_name, $1)',
    [SHADOW_PREFIX],
  );
  // A table's name cannot be a parameter: quoted as an identifier (the catalog's own names).
  for (const [name] of reader.getRows())
    await connection.run(`DROP TABLE IF EXISTS ${sqlIdent(String(name))}`);
}
