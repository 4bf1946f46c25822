import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
  toDriver: (value) => value,
});

/**
 * The tamper-evident audit log: insert-only (a trigger refuses UPDATE, DELETE and TRUNCATE),
 * gapless `seq`, each row hash-chained to the one before (RFC 6962 leaf/node hashing).
 * `fields` holds names of fields touched, never their values.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    requestId: text('request_id'),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    prevHash: text('prev_hash').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    chainHash: bytea('chain_hash').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorId, t.seq),
    index('audit_events_record_idx').on(t.recordType, t.recordId, t.seq),
    index('audit_events_at_idx').on(t.at),
  ],
);

/** One row: the chain head, locked FOR UPDATE by every append so seq stays gapless. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'bigint' }).notNull(),
  chainHash: bytea('chain_hash').notNull(),
});

/** Signed checkpoints (Ed25519 over tree size, Merkle root and chain head); the key is outside the DB. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'bigint' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  chainHead: bytea('chain_head').notNull(),
  at: text('at').notNull(),
  signature: bytea('signature').notNull(),
  keyId: text('key_id').notNull(),
});
