import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetStats, Scope } from '../analytics-store.types.js';
import { dateFromMicros, num, queryRows } from '../duckdb-exec.js';
import { isUnscoped, resolveScope, scopeCondition, scopeParams } from './scope.sql.js';

/** Record count, numbers, directed/undirected pairs (undirected excludes self-loops), time span. */
export async function stats(connection: DuckDBConnection, scope?: Scope): Promise<DatasetStats> {
  const s = await resolveScope(connection, scope);
  const scoped = !isUnscoped(s);
  const where = scoped ? scopeCondition(s, 'a_id', 'b_id', 'start_ts') : 'true';
  const pairs = scoped
    ? `(SELECT DISTINCT a_id, b_id FROM events WHERE ${where})`
    : '(SELECT a_id, b_id FROM pairs)';
  const numbers = scoped
    ? `(SELECT count(*) FROM (SELECT a_id FROM events WHERE ${where} UNION SELECT b_id FROM events WHERE ${where}))`
    : '(SELECT count(*) FROM numbers)';
  const rows = await queryRows(
    connection,
    `SELECT (SELECT count(*) FROM events WHERE ${where}) AS records, ${numbers} AS numbers,
      (SELECT count(*) FROM ${pairs}) AS directed,
      (SELECT count(*) FROM (SELECT DISTINCT least(a_id, b_id), greatest(a_id, b_id) FROM ${pairs} WHERE a_id <> b_id)) AS undirected,
      (SELECT count(*) FROM ${pairs} WHERE a_id = b_id) AS self_loops,
      (SELECT epoch_us(min(start_ts)) FROM events WHERE ${where}) AS f,
      (SELECT epoch_us(max(start_ts)) FROM events WHERE ${where}) AS l`,
    scopeParams(s),
  );
  const r = rows[0]!;
  const first = dateFromMicros(r.f);
  const last = dateFromMicros(r.l);
  return {
    records: num(r.records),
    numbers: num(r.numbers),
    directedPairs: num(r.directed),
    undirectedPairs: num(r.undirected),
    selfLoops: num(r.self_loops),
    first,
    last,
    spanDays: first && last ? (last.getTime() - first.getTime()) / 86_400_000 : 0,
  };
}
