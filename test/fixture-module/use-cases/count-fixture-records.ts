import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import type { UserScope } from '#server/platform/request-scope';
import { countVisibleFixtureRecords } from '../fixture.repo';

/** How many records the actor may see (matching `q`): hidden records are not counted. */
export function countFixtureRecords(ctx: AppContext, scope: UserScope, q?: string): Promise<number> {
  return withActorTx(ctx, scope, (tx) => countVisibleFixtureRecords(tx, q));
}
