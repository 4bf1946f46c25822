import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import type { UserScope } from '#server/platform/request-scope';
import type { FixtureRecordRow } from '../fixture.schema';
import { loadFixtureRecord } from './load-fixture-record';

/** One record the actor may see (else 404). Its title and marking are not sensitive: not audited. */
export function readFixtureRecord(ctx: AppContext, scope: UserScope, id: string): Promise<FixtureRecordRow> {
  return withActorTx(ctx, scope, (tx) => loadFixtureRecord(tx, scope.actor, id, 'read'));
}
