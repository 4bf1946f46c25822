import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context';
import type { Tx } from '../../db/client';
import type { Actor } from '../auth/actor';

export interface RequestScope {
  actor: Actor;
  requestId: string;
}

/**
 * Runs `work` in a transaction whose security context is the actor's. `set_config(..., true)` is
 * transaction-local: PGlite has one connection shared by every request, so a session-level
 * setting would leak one request's actor into another's queries.
 */
export async function withActorTx<T>(
  ctx: AppContext,
  scope: RequestScope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('lantern.actor_id', ${scope.actor.id}, true), set_config('lantern.request_id', ${scope.requestId}, true)`,
    );
    return work(tx);
  });
}
