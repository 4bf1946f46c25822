import type { DuckDBConnection, DuckDBVector } from '@duckdb/node-api';

type NumericArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/**
 * Copies a non-null numeric column of a DuckDB chunk into `target` at `offset`. The numeric
 * vectors of @duckdb/node-api hold their data in a typed array over DuckDB's own buffer; when it
 * is there (same element type) it is copied in one `set`, otherwise item by item.
 */
export function copyNumericColumn(
  vector: DuckDBVector,
  target: NumericArray,
  offset: number,
  count: number,
): void {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items && items.constructor === target.constructor && (items as NumericArray).length >= count) {
    target.set((items as NumericArray).subarray(0, count), offset);
    return;
  }
  for (let i = 0; i < count; i++) {
    const v = vector.getItem(i);
    if (v === null) throw new Error('unexpected NULL in a numeric column');
    target[offset + i] = Number(v);
  }
}

/** Element type of each column for {@link queryNumericColumns}: SQL INTEGER → i32, DOUBLE → f64. */
export type NumericKind = 'i32' | 'f64';
type ArrayOf<K extends NumericKind> = K extends 'i32' ? Int32Array : Float64Array;

/**
 * A query's non-null INTEGER / DOUBLE columns as typed arrays, copied vector by vector (turning
 * half a million rows into JS values costs ~200 ms; copying their vectors, a few).
 */
export async function queryNumericColumns<const K extends readonly NumericKind[]>(
  connection: DuckDBConnection,
  sql: string,
  kinds: K,
): Promise<{ [I in keyof K]: ArrayOf<K[I]> }> {
  const result = await connection.run(sql);
  const rows = result.rowCount;
  const out = kinds.map((k) => (k === 'i32' ? new Int32Array(rows) : new Float64Array(rows)));
  let at = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const n = chunk.rowCount;
    for (let i = 0; i < out.length; i++) copyNumericColumn(chunk.getColumnVector(i), out[i]!, at, n);
    at += n;
  }
  return out as { [I in keyof K]: ArrayOf<K[I]> };
}
