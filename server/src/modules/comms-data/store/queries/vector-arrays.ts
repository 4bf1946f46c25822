import type { DuckDBVector } from '@duckdb/node-api';

type IntArray = Int32Array | Uint32Array | Uint8Array;

/**
 * Copies a non-null integer column of a DuckDB chunk into `target` at `offset`. The integer
 * vectors of @duckdb/node-api hold their data in a typed array over DuckDB's own buffer; when it
 * is there (same element type) it is copied in one `set`, otherwise item by item.
 */
export function copyIntColumn(vector: DuckDBVector, target: IntArray, offset: number, count: number): void {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items && items.constructor === target.constructor && (items as IntArray).length >= count) {
    target.set((items as IntArray).subarray(0, count), offset);
    return;
  }
  for (let i = 0; i < count; i++) {
    const v = vector.getItem(i);
    if (v === null) throw new Error('unexpected NULL in an integer column');
    target[offset + i] = Number(v);
  }
}
