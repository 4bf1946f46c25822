import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { openTestDatabase } from '../db';
import { fixtureRecords, installFixtureModule } from './fixture.schema';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await installFixtureModule(database.db);
  await installFixtureModule(database.db); // idempotent: a restart with the module on
});
afterAll(() => database.close());

describe('the fixture table', () => {
  it('is made by installFixtureModule exactly as the Drizzle table declares it (no migration to drift from)', async () => {
    const result = await database.db.execute(sql`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
      from pg_attribute a
      where a.attrelid = 'fixture_records'::regclass and a.attnum > 0 and not a.attisdropped
      order by a.attnum`);
    const rows =
      (result as unknown as { rows?: { name: string; type: string; not_null: boolean }[] }).rows ??
      (result as unknown as { name: string; type: string; not_null: boolean }[]);
    const declared = getTableConfig(fixtureRecords).columns.map((c) => ({
      name: c.name,
      type: c.getSQLType(),
      not_null: c.notNull,
    }));
    expect(rows).toEqual(declared);
  });
});
