import type { DuckDBConnection } from '@duckdb/node-api';
import { writeMeta } from './dataset-meta.js';
import { DATASET_SCHEMA_SQL, dropShadowTables, eventsByCellSelect, TABLE_DDL } from './dataset-schema.sql.js';

async function hasColumn(connection: DuckDBConnection, table: string, column: string): Promise<boolean> {
  const r = await connection.runAndReadAll(
    'SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1 AND column_name = $2',
    [table, column],
  );
  return Number(r.getRowObjects()[0]!.n) > 0;
}

/**
 * Moves a dataset file written before ADR 0008 (cell ids and source paths as text in the event
 * tables) to the current layout, in one transaction: the `cells` and `sources` dictionaries are
 * filled from the distinct values, `events` and `events_by_party` are rewritten with the integer
 * ids in their order, and `events_by_cell` is dropped for ensureSchema to derive again.
 * Returns whether anything was moved.
 */
export async function migrateTextCells(connection: DuckDBConnection): Promise<boolean> {
  if (!(await hasColumn(connection, 'events', 'cell_id'))) return false;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`INSERT INTO cells
      SELECT (row_number() OVER (ORDER BY cell_id) - 1)::INTEGER, cell_id
      FROM (SELECT DISTINCT cell_id FROM events WHERE cell_id IS NOT NULL)`);
    // The file does not say when its events were imported: the time of the move stands for it.
    await connection.run(`INSERT INTO sources
      SELECT (row_number() OVER (ORDER BY path) - 1)::INTEGER, path, timezone('UTC', now())
      FROM (SELECT DISTINCT source_file AS path FROM events)`);
    await connection.run(TABLE_DDL.events('events_moved'));
    await connection.run(`INSERT INTO events_moved
      SELECT e.id, e.type, e.a_id, e.b_id, e.start_ts, e.duration_s, k.cell, e.imei, e.imsi, e.served, s.source,
        e.source_line
      FROM events e LEFT JOIN cells k ON k.cell_id = e.cell_id JOIN sources s ON s.path = e.source_file
      ORDER BY e.id`);
    await connection.run(TABLE_DDL.events_by_party('events_by_party_moved'));
    await connection.run(`INSERT INTO events_by_party_moved
      SELECT p.party_id, p.start_ts, p.other_id, p.dir, p.type, p.duration_s, k.cell, p.event_id
      FROM events_by_party p LEFT JOIN cells k ON k.cell_id = p.cell_id
      ORDER BY p.party_id, p.start_ts, p.event_id`);
    for (const table of ['events', 'events_by_party']) {
      await connection.run(`DROP TABLE ${table}`);
      await connection.run(`ALTER TABLE ${table}_moved RENAME TO ${table}`);
    }
    await connection.run('DROP TABLE IF EXISTS events_by_cell');
    await writeMeta(connection, 'ebp_runs', 1);
    await connection.run('COMMIT');
    return true;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the tables, drops a killed import's shadow tables, moves a file of an earlier layout to
 * this one ({@link migrateTextCells}), and derives events_by_cell where it is missing.
 */
export async function ensureSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(DATASET_SCHEMA_SQL);
  await dropShadowTables(connection);
  await migrateTextCells(connection);
  const r = await connection.runAndReadAll(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'events_by_cell' AND NOT temporary",
  );
  if (Number(r.getRowObjects()[0]!.n) === 0) {
    await connection.run(TABLE_DDL.events_by_cell('events_by_cell'));
    await connection.run(`INSERT INTO events_by_cell ${eventsByCellSelect('events_by_party')}`);
  }
}
