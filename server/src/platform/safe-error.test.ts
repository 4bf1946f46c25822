import { DuckDBInstance } from '@duckdb/node-api';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { safeError } from './safe-error';

const canary = 'CANARY-07700900123';

async function duckdbError(query: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(query);
  } catch (error) {
    return error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  throw new Error('the query did not fail');
}

function pgError() {
  return Object.assign(new Error(`invalid input syntax for type uuid: "${canary}"`), {
    code: '22P02',
    detail: `Failing row contains (${canary}).`,
    where: `PL/pgSQL function f() line 3 at RAISE with ${canary}`,
    table: 'comms_datasets',
    column: 'id',
  });
}

describe('safeError: what a log line may say about an error', () => {
  it("keeps DuckDB's error type and drops the values its message quotes", async () => {
    for (const query of [
      `select cast('${canary}' as integer)`,
      'select cast(447700900123 as integer)',
      `create table t (a varchar primary key); insert into t values ('${canary}'), ('${canary}')`,
    ]) {
      const safe = safeError(await duckdbError(query));
      const text = JSON.stringify(safe);
      expect(text).not.toContain(canary);
      expect(text).not.toContain('447700900123');
      expect(safe.duckdbType).toMatch(/^(Conversion|Constraint) Error$/);
    }
  });

  it('drops the parameters of a failed query and the detail of a PostgreSQL error, keeping names and codes', () => {
    const error = new DrizzleQueryError(
      `insert into "comms_datasets" ("id", "name") values ($1, '${canary}')`,
      ['x', canary],
      pgError(),
    );
    const safe = safeError(error);
    const text = JSON.stringify(safe);
    expect(text).not.toContain(canary);
    expect(safe).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into "comms_datasets" ("id", "name") values ($1, ?)',
      cause: { type: 'DatabaseError', code: '22P02', table: 'comms_datasets', column: 'id' },
    });
    expect(safe.stack).toMatch(/^ {4}at /);
  });

  it('says nothing of a thrown value that is not an error, and keeps an AppError code', () => {
    expect(safeError(canary)).toEqual({ type: 'string' });
    expect(safeError({ message: canary })).toEqual({ type: 'object' });
    const appError = safeError(new AppError('CONFLICT', `A dataset named '${canary}' exists.`));
    expect(appError).toMatchObject({
      type: 'AppError',
      code: 'CONFLICT',
      message: 'A dataset named ? exists.',
    });
  });

  it('is idempotent, so a serializer may see an error already made safe', () => {
    const once = safeError(pgError());
    expect(safeError(once)).toBe(once);
  });
});
