import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetaKey } from './dataset-schema.sql.js';
import { num, queryRows } from './duckdb-exec.js';

export async function readMeta(connection: DuckDBConnection, key: MetaKey): Promise<number> {
  const rows = await queryRows(connection, 'SELECT value FROM meta WHERE key = $1', [key]);
  return rows.length === 0 ? 0 : num(rows[0]!.value);
}

export async function writeMeta(connection: DuckDBConnection, key: MetaKey, value: number): Promise<void> {
  if (!Number.isSafeInteger(value)) throw new Error(`meta ${key}: not an integer`);
  await connection.run('DELETE FROM meta WHERE key = $1', [key]);
  await connection.run('INSERT INTO meta VALUES ($1, $2)', [key, value]);
}
