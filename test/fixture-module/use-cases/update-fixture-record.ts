import type { UpdateFixtureRecordBody } from '../fixture.contract';
import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { recordAudit } from '#server/platform/audit/audit.service';
import type { UserScope } from '#server/platform/request-scope';
import { updateFixtureRow } from '../fixture.repo';
import type { FixtureRecordRow } from '../fixture.schema';
import { loadFixtureRecord } from './load-fixture-record';

/** Changes a record's title, for an actor who may change it the actor may change (hidden → 404, read-only → 403), audited with the field's name. */
export function updateFixtureRecord(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: UpdateFixtureRecordBody,
): Promise<FixtureRecordRow> {
  return withActorTx(ctx, scope, async (tx) => {
    const row = await loadFixtureRecord(tx, scope.actor, id, 'update');
    const updated = await updateFixtureRow(tx, row.id, { title: input.title, updatedAt: scope.clock.now() });
    await recordAudit(tx, scope, {
      action: 'fixture.update',
      recordType: 'fixture_records',
      recordId: row.id,
      fields: ['title'],
    });
    return updated;
  });
}
