import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../server/src/db/client';
import { bytea } from '../../server/src/platform/audit/audit.schema';

/**
 * The fixture module's one table: protected records the way every domain module will have them
 * (marking, compartment, an encrypted field). Only tests load this module, so its table is
 * created by `installFixtureModule`, not by a migration.
 */
export const fixtureRecords = pgTable('fixture_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  compartmentId: uuid('compartment_id').notNull(),
  classification: text('classification').notNull(),
  caveats: text('caveats').array().notNull().default(sql`'{}'::text[]`),
  title: text('title').notNull(),
  secretEnc: bytea('secret_enc'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type FixtureRecordRow = typeof fixtureRecords.$inferSelect;

export async function installFixtureModule(q: Queryable): Promise<void> {
  await q.execute(sql`
    CREATE TABLE IF NOT EXISTS fixture_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      compartment_id uuid NOT NULL REFERENCES compartments(id),
      classification text NOT NULL,
      caveats text[] NOT NULL DEFAULT '{}'::text[],
      title text NOT NULL,
      secret_enc bytea,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
}
