import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context';
import type { Db, Tx } from '../../db/client';
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
  return withScopeTx(ctx.database.db, scope, work);
}

/**
 * A use case's transaction: as the scope's actor when there is one (`withActorTx`: need-to-know
 * filters by them), else a plain one for the console (offline commands, the system's sweeps), which
 * reads through the unfiltered repo functions.
 */
export async function withScopeTx<T>(
  db: Db,
  scope: { actor: Actor | null; requestId: string | null },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { actor } = scope;
  return db.transaction(async (tx) => {
    if (actor)
      await tx.execute(
        sql`select set_config('lantern.actor_id', ${actor.id}, true), set_config('lantern.request_id', ${scope.requestId ?? ''}, true)`,
      );
    return work(tx);
  });
}
