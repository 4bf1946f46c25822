import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, DuckDBValue>;

/** Rows of a query as objects (DuckDB values: BIGINT → bigint, TIMESTAMP → DuckDBTimestampValue…). */
export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
  values?: DuckDBValue[],
): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjects();
}

/** A number from an integer-ish DuckDB value (BIGINT, HUGEINT, INTEGER…); null stays null. */
export function num(value: DuckDBValue): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  return Number(String(value));
}

/** Epoch-microsecond timestamp (from `epoch_us(...)`) as a Date. */
export function dateFromMicros(value: DuckDBValue): Date | null {
  if (value === null) return null;
  return new Date(Math.floor(num(value) / 1000));
}
