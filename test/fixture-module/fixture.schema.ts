import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Queryable } from '#server/db/client';
import { protectedColumns } from '#server/platform/access/protected-columns';
import { users } from '#server/platform/auth/auth.schema';
import { bytea } from '#server/platform/audit/audit.schema';

/**
 * The reference module's one table: protected records as every domain module has them — the
 * marking and compartment (`protectedColumns()`), a reference unique among what its readers see,
 * and an encrypted field.
 *
 * A real module exports its tables from server/src/db/schema.ts and `npm run db:generate` writes
 * the migration. This module is optional and for tests: a migration would put its table into every
 * production database, so `installFixtureModule` makes the table when the module is turned on
 * (LANTERN_MODULES=fixture), and fixture.schema.db.test.ts checks that the DDL and this Drizzle
 * table agree column by column (ADR 0022).
 */
export const fixtureRecords = pgTable(
  'fixture_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...protectedColumns(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    secretEnc: bytea('secret_enc'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // Not unique: two records out of each other's readers' reach may share a reference (rule 17).
  (t) => [index('fixture_records_reference_idx').on(t.reference)],
);

export type FixtureRecordRow = typeof fixtureRecords.$inferSelect;
export type NewFixtureRecord = typeof fixtureRecords.$inferInsert;

/** Makes the module's table (idempotent): called when the module opens. */
export async function installFixtureModule(q: Queryable): Promise<void> {
  await q.execute(sql`
    CREATE TABLE IF NOT EXISTS fixture_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      classification text NOT NULL,
      caveats text[] NOT NULL DEFAULT '{}'::text[],
      compartment_id uuid NOT NULL REFERENCES compartments(id),
      reference text NOT NULL,
      title text NOT NULL,
      secret_enc bytea,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await q.execute(
    sql`CREATE INDEX IF NOT EXISTS fixture_records_reference_idx ON fixture_records (reference)`,
  );
}
