import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The SQL twin of `canSee`: a WHERE condition that keeps only rows the transaction's actor may
 * see. It reads the actor from `lantern.actor_id`, which `withActorTx` sets inside the same
 * transaction, so lists, searches, counts and exports never receive a row they may not see.
 */
export function visibleToActor(columns: {
  classification: AnyPgColumn;
  caveats: AnyPgColumn;
  compartmentId: AnyPgColumn;
}): SQL {
  return sql`lantern_can_see(${columns.classification}, ${columns.caveats}, ${columns.compartmentId})`;
}
