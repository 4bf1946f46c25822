import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '#server/db/client';

/**
 * The database a DB-backed test runs on, chosen by the vitest project: PGlite in memory, or a
 * fresh database on the real PostgreSQL server the global setup started. Opened once per test
 * file (PGlite takes a moment to start) and migrated like a real installation. Tests never share
 * rows: each makes its own users and records with factories.
 */
export async function openTestDatabase(): Promise<Database> {
  return (await openTestDatabaseWithUrl()).database;
}

/** As openTestDatabase, plus the URL of the server database (undefined on PGlite). */
export async function openTestDatabaseWithUrl(): Promise<{ database: Database; url: string | undefined }> {
  const engine = process.env.LANTERN_TEST_DB ?? 'pglite';
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    return { database, url: undefined };
  }
  const adminUrl = inject('postgresUrl');
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const database = await openDatabase({ url });
  await database.migrate();
  return { database, url };
}
