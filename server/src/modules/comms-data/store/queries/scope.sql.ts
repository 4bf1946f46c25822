import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { listValue, timestampValue } from '@duckdb/node-api';
import type { Scope } from '../analytics-store.types.js';
import { num, queryRows } from '../duckdb-exec.js';
import { QueryInputError } from '../query-input-error.js';
import { sqlIntList } from '../sql-literal.js';

/** A scope with its numbers resolved to dense ids (null = any number). */
export interface ResolvedScope {
  ids: number[] | null;
  from?: Date;
  to?: Date;
}

function checkDate(field: 'from' | 'to', date: Date | undefined): void {
  if (date !== undefined && !(date instanceof Date && Number.isFinite(date.getTime())))
    throw new QueryInputError(`scope.${field}`, `scope: ${field} is not a valid date`);
}

export async function resolveScope(connection: DuckDBConnection, scope: Scope = {}): Promise<ResolvedScope> {
  checkDate('from', scope.from);
  checkDate('to', scope.to);
  if (scope.from && scope.to && scope.from > scope.to)
    throw new QueryInputError('scope.from', 'scope: from is after to');
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

/** A Date as a bound TIMESTAMP (UTC, microseconds). */
export function timestampParam(date: Date): DuckDBValue {
  return timestampValue(BigInt(date.getTime()) * 1000n);
}

/**
 * The named parameters the conditions of {@link timeCondition} and {@link scopeCondition} use
 * (`$scope_from`, `$scope_to`): a statement holding either condition is run with these among its
 * values. Bound times still prune row groups: DuckDB plans each execution with the values.
 */
export function scopeParams(s: ResolvedScope): Record<string, DuckDBValue> {
  return {
    ...(s.from ? { scope_from: timestampParam(s.from) } : {}),
    ...(s.to ? { scope_to: timestampParam(s.to) } : {}),
  };
}

/** Time part of a scope on a TIMESTAMP column: from ≤ t ≤ to (values from {@link scopeParams}). */
export function timeCondition(s: ResolvedScope, column: string): string {
  const parts: string[] = [];
  if (s.from) parts.push(`${column} >= $scope_from`);
  if (s.to) parts.push(`${column} <= $scope_to`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/**
 * The scope's ids as integer literals: the store's own ids read back from `numbers` above, never
 * a caller's text, and {@link sqlIntList} refuses anything that is not an integer.
 */
function idsIn(ids: number[], column: string): string {
  return ids.length === 0 ? 'false' : `${column} IN (${sqlIntList(ids)})`;
}

/**
 * IPA 2016 Part 3 scope: a record is in scope when its time is within [from, to] and, when numbers
 * are given, its A or B party is one of them. `a`/`b` are the two party columns. The statement is
 * run with {@link scopeParams} among its values.
 */
export function scopeCondition(s: ResolvedScope, a: string, b: string, ts: string): string {
  const time = timeCondition(s, ts);
  if (s.ids === null) return time;
  return `(${idsIn(s.ids, a)} OR ${idsIn(s.ids, b)}) AND ${time}`;
}
