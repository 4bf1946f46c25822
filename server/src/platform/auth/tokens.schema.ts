import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.schema';

/**
 * Personal access tokens (ADR 0021). The secret (`lnt_…`, 256 random bits) is shown once; only its
 * SHA-256 is kept, so the table alone lets nobody act as anyone. A revoked token's row stays (with
 * `revoked_at`) so that a later attempt with it is recognised and audited.
 */
export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('personal_access_tokens_user_idx').on(t.userId)],
);

export type PersonalAccessTokenRow = typeof personalAccessTokens.$inferSelect;
