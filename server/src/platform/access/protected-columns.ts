import { sql } from 'drizzle-orm';
import { text, uuid } from 'drizzle-orm/pg-core';
import type { Classification } from '#shared/contracts/markings';
import { compartments } from './access.schema';

/**
 * The columns every protected record carries: its marking (classification and caveats) and its
 * compartment. Spread into a module's table (`...protectedColumns()`); typed, so rows are
 * `ProtectedRecord`s without casts, and `visibleToActor(table)` reads them.
 */
export function protectedColumns() {
  return {
    classification: text('classification').$type<Classification>().notNull(),
    caveats: text('caveats').array().notNull().default(sql`'{}'::text[]`),
    compartmentId: uuid('compartment_id')
      .notNull()
      .references(() => compartments.id),
  };
}
