import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBResult,
  DuckDBTypeId,
} from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { type Params, runQuery } from '../duckdb-exec.js';

type NumericArray = Int32Array | Uint32Array | Uint8Array | Float64Array;
type NumericArrayConstructor =
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Uint8ArrayConstructor
  | Float64ArrayConstructor;

/** DuckDB types whose vector data is exactly the elements of a typed array. */
const STORAGE = new Map<DuckDBTypeId, NumericArrayConstructor>([
  [DuckDBTypeId.INTEGER, Int32Array],
  [DuckDBTypeId.UINTEGER, Uint32Array],
  [DuckDBTypeId.UTINYINT, Uint8Array],
  [DuckDBTypeId.DOUBLE, Float64Array],
]);

/** Throws if any of rows [from, from + count) is NULL in a validity mask (1 bit per row, 1 = valid). */
function checkValid(mask: Uint8Array, from: number, count: number): void {
  for (let i = from; i < from + count; i++) {
    if (((mask[i >> 3]! >> (i & 7)) & 1) === 0) throw new Error('unexpected NULL in a numeric column');
  }
}

/**
 * Copies a result's non-null numeric columns into typed arrays, chunk by chunk. Where the column's
 * DuckDB type is the target's element type (INTEGER → Int32Array, UINTEGER → Uint32Array, UTINYINT →
 * Uint8Array, DOUBLE → Float64Array) the rows are copied in one `set` from DuckDB's vector buffer,
 * through the C API bindings: @duckdb/node-api's vector wrappers ask DuckDB for the column's type
 * and validity on every 2,048-row chunk, which cost 2.1 s of reading the 74 M pairs of the L
 * benchmark, against 1.5 s this way. Any other type is converted value by value.
 */
export class ColumnCopier {
  private readonly direct: boolean[];

  /** `kinds`: the array type each column is copied into (checked against the result's column types). */
  constructor(result: DuckDBResult, kinds: readonly NumericArrayConstructor[]) {
    this.direct = kinds.map((kind, k) => STORAGE.get(result.columnTypeId(k)) === kind);
  }

  /** Copies rows [from, from + count) of each column of `chunk` into `targets[k]` at `offset`. */
  copy(
    chunk: DuckDBDataChunk,
    chunkRows: number,
    targets: readonly NumericArray[],
    offset: number,
    from: number,
    count: number,
  ): void {
    for (let k = 0; k < targets.length; k++) {
      const target = targets[k]!;
      if (!this.direct[k]) {
        const vector = chunk.getColumnVector(k);
        for (let i = 0; i < count; i++) {
          const v = vector.getItem(from + i);
          if (v === null) throw new Error('unexpected NULL in a numeric column');
          target[offset + i] = Number(v);
        }
        continue;
      }
      const vector = duckdb.data_chunk_get_vector(chunk.chunk, k);
      const mask = duckdb.vector_get_validity(vector, Math.ceil(chunkRows / 64) * 8);
      if (mask) checkValid(mask, from, count);
      const size = target.BYTES_PER_ELEMENT;
      const data = duckdb.vector_get_data(vector, chunkRows * size);
      const Kind = target.constructor as NumericArrayConstructor;
      target.set(new Kind(data.buffer as ArrayBuffer, data.byteOffset + from * size, count), offset);
    }
  }
}

/** Element type of each column for {@link queryNumericColumns}: SQL INTEGER → i32, DOUBLE → f64. */
export type NumericKind = 'i32' | 'f64';
type ArrayOf<K extends NumericKind> = K extends 'i32' ? Int32Array : Float64Array;

/**
 * A query's non-null INTEGER / DOUBLE columns as typed arrays, copied vector by vector (turning
 * half a million rows into JS values costs ~200 ms; copying their vectors, a few). `values` are
 * bound to the statement's parameters.
 */
export async function queryNumericColumns<const K extends readonly NumericKind[]>(
  connection: DuckDBConnection,
  sql: string,
  kinds: K,
  values?: Params,
): Promise<{ [I in keyof K]: ArrayOf<K[I]> }> {
  const result = await runQuery(connection, sql, values);
  const rows = result.rowCount;
  const types = kinds.map((k) => (k === 'i32' ? Int32Array : Float64Array));
  const out = types.map((Kind) => new Kind(rows));
  const copier = new ColumnCopier(result, types);
  let at = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const n = chunk.rowCount;
    copier.copy(chunk, n, out, at, 0, n);
    at += n;
  }
  return out as { [I in keyof K]: ArrayOf<K[I]> };
}
