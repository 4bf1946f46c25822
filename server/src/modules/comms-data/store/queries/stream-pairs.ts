import type { DuckDBConnection } from '@duckdb/node-api';
import type { EdgeBatch, Scope } from '../analytics-store.types.js';
import { isUnscoped, resolveScope, scopeCondition } from './scope.sql.js';
import { copyNumericColumn } from './vector-arrays.js';

function newBatch(capacity: number): EdgeBatch {
  return {
    length: 0,
    src: new Int32Array(capacity),
    dst: new Int32Array(capacity),
    weight: new Uint32Array(capacity),
    first: new Uint32Array(capacity),
    last: new Uint32Array(capacity),
    typeMask: new Uint8Array(capacity),
  };
}

function trimmed(b: EdgeBatch): EdgeBatch {
  const n = b.length;
  return {
    length: n,
    src: b.src.subarray(0, n),
    dst: b.dst.subarray(0, n),
    weight: b.weight.subarray(0, n),
    first: b.first.subarray(0, n),
    last: b.last.subarray(0, n),
    typeMask: b.typeMask.subarray(0, n),
  };
}

/** The pairs of a scope: the stored pairs table when unscoped, else re-aggregated from the events. */
function pairsSql(scopeSql: string | null): string {
  const cols = 'a_id, b_id, weight, first_seen, last_seen, type_mask';
  if (scopeSql === null) return `SELECT ${cols} FROM pairs`;
  return `SELECT a_id, b_id, count(*)::UINTEGER AS weight, min(epoch(start_ts))::UINTEGER AS first_seen,
      max(epoch(start_ts))::UINTEGER AS last_seen, bit_or((1 << type)::UTINYINT) AS type_mask
    FROM events WHERE ${scopeSql} GROUP BY a_id, b_id ORDER BY a_id, b_id`;
}

/**
 * Streams the directed pairs (weight = events, first/last = UTC epoch seconds, type mask bit
 * 1 << type) in batches of up to `batchSize`, copied from DuckDB's integer vectors. Each batch owns
 * its arrays. The connection is closed when the iteration ends.
 */
export async function* streamPairs(
  connection: DuckDBConnection,
  scope: Scope | undefined,
  batchSize = 65_536,
): AsyncGenerator<EdgeBatch> {
  try {
    const s = await resolveScope(connection, scope);
    const result = await connection.stream(
      pairsSql(isUnscoped(s) ? null : scopeCondition(s, 'a_id', 'b_id', 'start_ts')),
    );
    let batch = newBatch(batchSize);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      let done = 0;
      const rows = chunk.rowCount;
      while (done < rows) {
        const take = Math.min(rows - done, batchSize - batch.length);
        const cols = [batch.src, batch.dst, batch.weight, batch.first, batch.last, batch.typeMask];
        for (let c = 0; c < 6; c++) {
          const vector = chunk.getColumnVector(c);
          const v = done === 0 && take === rows ? vector : vector.slice(done, take);
          copyNumericColumn(v, cols[c]!, batch.length, take);
        }
        batch.length += take;
        done += take;
        if (batch.length === batchSize) {
          yield batch;
          batch = newBatch(batchSize);
        }
      }
    }
    if (batch.length > 0) yield trimmed(batch);
  } finally {
    connection.closeSync();
  }
}
