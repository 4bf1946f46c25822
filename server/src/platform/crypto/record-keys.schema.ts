import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea } from '../audit/audit.schema';

/** One wrapped data key per protected record; `lantern keys rotate` re-wraps these rows only. */
export const recordKeys = pgTable(
  'record_keys',
  {
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    dataKeyVersion: integer('data_key_version').notNull(),
    masterVersion: integer('master_version').notNull(),
    wrapped: bytea('wrapped').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.recordId] })],
);
