import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { num, queryRows } from './duckdb-exec.js';

async function withConnection(work: (c: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<void>) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

it('a statement kept prepared answers each call with that call’s values, positional or named', async () => {
  await withConnection(async (c) => {
    await c.run("CREATE TABLE t AS SELECT i AS id, 'n' || i AS name FROM range(100) r(i)");
    for (const id of [3, 97, 3, 1000]) {
      const rows = await queryRows(c, 'SELECT name FROM t WHERE id = $1', [id]);
      expect(rows.map((r) => r.name)).toEqual(id < 100 ? [`n${id}`] : []);
    }
    const named = 'SELECT count(*) AS n FROM t WHERE id >= $lo AND id < $hi';
    expect(num((await queryRows(c, named, { lo: 10, hi: 20 }))[0]!.n)).toBe(10);
    expect(num((await queryRows(c, named, { lo: 0, hi: 5 }))[0]!.n)).toBe(5);
  });
});

it('a kept statement reads a table replaced since it was prepared', async () => {
  await withConnection(async (c) => {
    await c.run('CREATE TABLE t AS SELECT * FROM range(3) r(x)');
    const count = async () =>
      num((await queryRows(c, 'SELECT count(*) AS n FROM t WHERE x >= $1', [0]))[0]!.n);
    expect(await count()).toBe(3);
    // As an import swaps in its tables: a new table renamed into place.
    await c.run('CREATE TABLE u AS SELECT * FROM range(7) r(x); DROP TABLE t; ALTER TABLE u RENAME TO t');
    expect(await count()).toBe(7);
  });
});

it('answers past the number of statements kept per connection, and for long statements run once', async () => {
  await withConnection(async (c) => {
    // More distinct texts than are kept: the oldest are dropped and prepared again when asked.
    for (let round = 0; round < 2; round++)
      for (let k = 0; k < 150; k++) {
        const rows = await queryRows(c, `SELECT $1::INTEGER + ${k} AS v`, [round]);
        expect(num(rows[0]!.v)).toBe(round + k);
      }
    const long = `SELECT $1::INTEGER AS v /* ${'x'.repeat(5000)} */`;
    expect(num((await queryRows(c, long, [7]))[0]!.v)).toBe(7);
    expect(num((await queryRows(c, long, [8]))[0]!.v)).toBe(8);
  });
});
