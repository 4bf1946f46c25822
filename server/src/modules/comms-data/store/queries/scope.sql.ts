import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { Scope } from '../analytics-store.types.js';
import { num, queryRows } from '../duckdb-exec.js';
import { sqlIntList, sqlTimestamp } from '../sql-literal.js';

/** A scope with its numbers resolved to dense ids (null = any number). */
export interface ResolvedScope {
  ids: number[] | null;
  from?: Date;
  to?: Date;
}

export async function resolveScope(connection: DuckDBConnection, scope: Scope = {}): Promise<ResolvedScope> {
  if (scope.from && scope.to && scope.from > scope.to) throw new Error('scope: from is after to');
  let ids: number[] | null = null;
  if (scope.numbers) {
    const rows = await queryRows(
      connection,
      'SELECT id FROM numbers WHERE number IN (SELECT unnest($1::VARCHAR[]))',
      [listValue(scope.numbers)],
    );
    ids = rows.map((r) => num(r.id)).sort((x, y) => x - y);
  }
  return { ids, from: scope.from, to: scope.to };
}

export function isUnscoped(s: ResolvedScope): boolean {
  return s.ids === null && !s.from && !s.to;
}

/** Time part of a scope on a TIMESTAMP column: from ≤ t ≤ to. */
export function timeCondition(s: ResolvedScope, column: string): string {
  const parts: string[] = [];
  if (s.from) parts.push(`${column} >= ${sqlTimestamp(s.from)}`);
  if (s.to) parts.push(`${column} <= ${sqlTimestamp(s.to)}`);
  return parts.length ? parts.join(' AND ') : 'true';
}

function idsIn(ids: number[], column: string): string {
  return ids.length === 0 ? 'false' : `${column} IN (${sqlIntList(ids)})`;
}

/**
 * IPA 2016 Part 3 scope: a record is in scope when its time is within [from, to] and, when numbers
 * are given, its A or B party is one of them. `a`/`b` are the two party columns.
 */
export function scopeCondition(s: ResolvedScope, a: string, b: string, ts: string): string {
  const time = timeCondition(s, ts);
  if (s.ids === null) return time;
  return `(${idsIn(s.ids, a)} OR ${idsIn(s.ids, b)}) AND ${time}`;
}
