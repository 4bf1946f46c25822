import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColumnCopier, queryNumericColumns } from './vector-arrays.js';

describe('numeric columns copied from DuckDB vectors', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('copies INTEGER and DOUBLE columns across chunks, and converts other types value by value', async () => {
    const c = await instance.connect();
    // 5,000 rows: three chunks of DuckDB's 2,048-row vectors. BIGINT has no direct array here.
    const [i32, f64, big] = await queryNumericColumns(
      c,
      'SELECT (i * 3 - 7000)::INTEGER, i / 4 + 0.5, (i * 1000003)::BIGINT FROM range(5000) t(i) ORDER BY i',
      ['i32', 'f64', 'f64'],
    );
    expect(i32).toBeInstanceOf(Int32Array);
    expect(i32.length).toBe(5000);
    for (const i of [0, 1, 2047, 2048, 4095, 4096, 4999]) {
      expect(i32[i]).toBe(i * 3 - 7000);
      expect(f64[i]).toBe(i / 4 + 0.5);
      expect(big[i]).toBe(i * 1000003);
    }
    c.closeSync();
  });

  it('refuses a NULL in any chunk, on the direct path and the converting one', async () => {
    const c = await instance.connect();
    const withNull = (type: string) =>
      `SELECT CASE WHEN i = 3000 THEN NULL ELSE i END::${type} FROM range(5000) t(i) ORDER BY i`;
    await expect(queryNumericColumns(c, withNull('INTEGER'), ['i32'])).rejects.toThrow(/unexpected NULL/);
    await expect(queryNumericColumns(c, withNull('BIGINT'), ['f64'])).rejects.toThrow(/unexpected NULL/);
    c.closeSync();
  });

  it('copies a row range of a chunk into a target at an offset (UINTEGER and UTINYINT)', async () => {
    const c = await instance.connect();
    const result = await c.run(
      'SELECT i::UINTEGER * 10, (i % 256)::UTINYINT FROM range(3000) t(i) ORDER BY i',
    );
    const copier = new ColumnCopier(result, [Uint32Array, Uint8Array]);
    const chunk = result.getChunk(0);
    const a = new Uint32Array(10);
    const b = new Uint8Array(10);
    copier.copy(chunk, chunk.rowCount, [a, b], 3, 1000, 5);
    expect([...a]).toEqual([0, 0, 0, 10000, 10010, 10020, 10030, 10040, 0, 0]);
    expect([...b]).toEqual([0, 0, 0, 1000 % 256, 1001 % 256, 1002 % 256, 1003 % 256, 1004 % 256, 0, 0]);
    c.closeSync();
  });
});
