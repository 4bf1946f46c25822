import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { recordAudit } from '#server/platform/audit/audit.service';
import type { UserScope } from '#server/platform/request-scope';
import { deleteFixtureRow } from '../fixture.repo';
import { loadFixtureRecord } from './load-fixture-record';

/** Deletes a record the actor may change (hidden → 404, read-only → 403), audited in the same transaction. */
export function deleteFixtureRecord(ctx: AppContext, scope: UserScope, id: string): Promise<void> {
  return withActorTx(ctx, scope, async (tx) => {
    const row = await loadFixtureRecord(tx, scope.actor, id, 'delete');
    await deleteFixtureRow(tx, row.id);
    await recordAudit(tx, scope, {
      action: 'fixture.delete',
      recordType: 'fixture_records',
      recordId: row.id,
    });
  });
}
