import type { FixtureCompartmentView } from '../fixture.contract';
import type { AppContext } from '#server/app-context';
import { listCompartments } from '#server/platform/access/access.repo';
import { withActorTx } from '#server/platform/access/actor-tx';
import type { UserScope } from '#server/platform/request-scope';

/**
 * The compartments of the module's kind the actor is read into: where they may create a record
 * (the form's choices). Only their own: the names of the others are the administrator's to see.
 */
export function listFixtureCompartments(
  ctx: AppContext,
  scope: UserScope,
): Promise<FixtureCompartmentView[]> {
  return withActorTx(ctx, scope, async (tx) =>
    (await listCompartments(tx))
      .filter((c) => c.kind === 'fixture' && scope.actor.compartmentIds.has(c.id))
      .map((c) => ({ id: c.id, name: c.name })),
  );
}
