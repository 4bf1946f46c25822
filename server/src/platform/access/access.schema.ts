import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema';

/** A need-to-know compartment: an operation, a source, a dataset. Records belong to exactly one. */
export const compartments = pgTable('compartments', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who is read into which compartment. Removing a row takes effect on the member's next request. */
export const compartmentMembers = pgTable(
  'compartment_members',
  {
    compartmentId: uuid('compartment_id')
      .notNull()
      .references(() => compartments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid('granted_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.compartmentId, t.userId] }),
    index('compartment_members_user_idx').on(t.userId),
  ],
);

export type CompartmentRow = typeof compartments.$inferSelect;
