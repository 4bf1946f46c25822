import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBValue } from '@duckdb/node-api';
import { batchColumns, sharedInt32, sharedUint8, sharedUint32 } from '#graph/index';
import type { EdgeBatch, Scope } from '../analytics-store.types.js';
import { pairsOfEventsSelect } from '../dataset-schema.sql.js';
import { num, queryRows } from '../duckdb-exec.js';
import { sqlIntList } from '../sql-literal.js';
import { isUnscoped, resolveScope, scopeCondition, scopeParams } from './scope.sql.js';
import { ColumnCopier } from './vector-arrays.js';

/** A batch on SharedArrayBuffers, so the graph build's helper thread reads it without a copy. */
function newBatch(capacity: number): EdgeBatch {
  return {
    length: 0,
    src: sharedInt32(capacity),
    dst: sharedInt32(capacity),
    weight: sharedUint32(capacity),
    first: sharedUint32(capacity),
    last: sharedUint32(capacity),
    typeMask: sharedUint8(capacity),
  };
}

const PAIR_COLUMNS = 'a_id, b_id, weight, first_seen, last_seen, type_mask';
/** The element type of each of {@link PAIR_COLUMNS}: the arrays of {@link batchColumns}, in order. */
const PAIR_ARRAY_TYPES = [Int32Array, Int32Array, Uint32Array, Uint32Array, Uint32Array, Uint8Array];

/**
 * Rows per piece of the unscoped read (~21 MiB of DuckDB result at 21 bytes a pair). Measured:
 * pieces of 4 M rows left the process 0.26 GiB larger after an M build (DuckDB keeps the memory
 * it freed) and read the 74 M pairs of L in 5.1 s; 1 M rows 4.1 s, 0.5 M rows 4.4 s.
 */
const PIECE_ROWS = 1_000_000;

interface Statement {
  sql: string;
  values?: Record<string, DuckDBValue>;
}

/**
 * The statements that read the pairs of a scope, in (source, target) order. Unscoped: the stored
 * pairs table in pieces by source-id range (the table is sorted by source, so each piece reads
 * only its row groups; the bounds are integers computed here). Scoped: one statement
 * re-aggregating the events of the scope.
 */
async function pairStatements(
  connection: DuckDBConnection,
  scope: Scope | undefined,
  pieceRows: number,
): Promise<Statement[]> {
  const s = await resolveScope(connection, scope);
  if (!isUnscoped(s)) {
    const where = scopeCondition(s, 'a_id', 'b_id', 'start_ts');
    return [{ sql: `${pairsOfEventsSelect('events', where)} ORDER BY a_id, b_id`, values: scopeParams(s) }];
  }
  const [row] = await queryRows(
    connection,
    'SELECT (SELECT count(*) FROM pairs) AS pairs, (SELECT count(*) FROM numbers) AS numbers',
  );
  const pieces = Math.ceil(num(row!.pairs) / pieceRows);
  if (pieces <= 1) return [{ sql: `SELECT ${PAIR_COLUMNS} FROM pairs` }];
  const ids = num(row!.numbers);
  const bounds = Array.from({ length: pieces + 1 }, (_, i) => Math.round((ids * i) / pieces));
  return bounds.slice(1).map((hi, i) => {
    const lo = bounds[i]!;
    const upper = i === pieces - 1 ? '' : ` AND a_id < ${sqlIntList([hi])}`;
    return { sql: `SELECT ${PAIR_COLUMNS} FROM pairs WHERE a_id >= ${sqlIntList([lo])}${upper}` };
  });
}

/**
 * Streams the directed pairs (weight = events, first/last = UTC epoch seconds, type mask bit
 * 1 << type) in batches of up to `batchSize`, copied from DuckDB's integer vectors. Each batch owns
 * its arrays. The connection is closed when the iteration ends. `pieceRows` sizes the pieces of an
 * unscoped read (tests make it small).
 *
 * Each statement is materialised whole and its chunks read synchronously: fetching 2,048-row
 * chunks one await at a time from a streaming result was measured at 5.7 s for the 74 M pairs of
 * the L benchmark, materialising the same rows 0.9 s (DuckDB reads them on all threads). The next
 * piece is materialised while this one is copied: the L read 5.0 → 3.6 s.
 */
export async function* streamPairs(
  connection: DuckDBConnection,
  scope: Scope | undefined,
  batchSize = 1 << 20,
  pieceRows = PIECE_ROWS,
): AsyncGenerator<EdgeBatch> {
  // The next statement runs (on DuckDB's threads) while this one's chunks are copied here. Its
  // failure is handled where it is awaited; the no-op catch keeps it from counting as unhandled
  // while the consumer holds a batch. Each statement runs once, so a bound one is prepared afresh,
  // not kept among the connection's prepared statements (see runQuery).
  const start = (statement: Statement | undefined): Promise<DuckDBMaterializedResult> | null => {
    if (statement === undefined) return null;
    const run = connection.run(statement.sql, statement.values);
    run.catch(() => null);
    return run;
  };
  let next: Promise<DuckDBMaterializedResult> | null = null;
  try {
    const statements = await pairStatements(connection, scope, pieceRows);
    next = start(statements[0]);
    for (let s = 0; s < statements.length; s++) {
      const result = await next!;
      next = start(statements[s + 1]);
      // Each batch is sized to what is left of this result, so a small scope gets small arrays.
      let left = result.rowCount;
      let batch: EdgeBatch | null = null;
      let cols: (Int32Array | Uint32Array | Uint8Array)[] = [];
      const copier = new ColumnCopier(result, PAIR_ARRAY_TYPES);
      for (let c = 0; c < result.chunkCount; c++) {
        const chunk = result.getChunk(c);
        const rows = chunk.rowCount;
        let done = 0;
        while (done < rows) {
          if (!batch) {
            batch = newBatch(Math.min(batchSize, left));
            cols = batchColumns(batch);
          }
          const take = Math.min(rows - done, batch.src.length - batch.length);
          copier.copy(chunk, rows, cols, batch.length, done, take);
          batch.length += take;
          done += take;
          left -= take;
          if (batch.length === batch.src.length) {
            yield batch;
            batch = null;
          }
        }
      }
    }
  } finally {
    await next?.catch(() => null);
    connection.closeSync();
  }
}
