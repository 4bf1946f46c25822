import { type DuckDBConnection, listValue } from '@duckdb/node-api';
import { num, queryRows } from '../duckdb-exec.js';
import { sqlString } from '../sql-literal.js';

const SHORT_LIST = 64;

export async function numberCount(connection: DuckDBConnection): Promise<number> {
  const rows = await queryRows(connection, 'SELECT count(*) AS n FROM numbers');
  return num(rows[0]!.n);
}

/** Dense ids of the given (stored-form) numbers; unknown numbers are absent from the map. */
export async function lookupIds(
  connection: DuckDBConnection,
  numbers: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (numbers.length === 0) return out;
  // A short list is spelled out so DuckDB probes the UNIQUE index on number instead of scanning.
  const rows =
    numbers.length <= SHORT_LIST
      ? await queryRows(
          connection,
          `SELECT number, id FROM numbers WHERE number IN (${numbers.map(sqlString).join(', ')})`,
        )
      : await queryRows(
          connection,
          'SELECT number, id FROM numbers WHERE number IN (SELECT unnest($1::VARCHAR[]))',
          [listValue([...numbers])],
        );
  for (const r of rows) out.set(String(r.number), num(r.id));
  return out;
}

/**
 * Numbers of the given dense ids, in the same order; an unknown id is an error. A short list is
 * spelled out so DuckDB probes the index on id (a few ms even at 10 M numbers); a long one is one
 * hash join over the table.
 */
export async function lookupNumbers(connection: DuckDBConnection, ids: ArrayLike<number>): Promise<string[]> {
  const list = Array.from(ids);
  if (list.length === 0) return [];
  const rows =
    list.length <= SHORT_LIST
      ? await queryRows(
          connection,
          `SELECT id, number FROM numbers WHERE id IN (${[...new Set(list)].map((id) => Math.trunc(id)).join(', ')})`,
        )
      : await queryRows(
          connection,
          'SELECT n.id, n.number FROM numbers n SEMI JOIN (SELECT unnest($1::INTEGER[]) AS id) i ON i.id = n.id',
          [listValue(list)],
        );
  const byId = new Map(rows.map((r) => [num(r.id), String(r.number)]));
  return list.map((id) => {
    const number = byId.get(id);
    if (number === undefined) throw new Error(`unknown number id ${id}`);
    return number;
  });
}
