import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { recordAudit } from '#server/platform/audit/audit.service';
import type { UserScope } from '#server/platform/request-scope';
import { listVisibleFixtureRecords } from '../fixture.repo';
import type { FixtureRecordRow } from '../fixture.schema';

/** Rows an export holds at most. */
export const FIXTURE_EXPORT_LIMIT = 10_000;

/** Every record the actor may see, in one answer; an export is audited (who took a copy, when). */
export function exportFixtureRecords(ctx: AppContext, scope: UserScope): Promise<FixtureRecordRow[]> {
  return withActorTx(ctx, scope, async (tx) => {
    const rows = await listVisibleFixtureRecords(tx, {
      sort: { field: 'createdAt', descending: false },
      limit: FIXTURE_EXPORT_LIMIT,
      offset: 0,
    });
    await recordAudit(tx, scope, {
      action: 'fixture.export',
      recordType: 'fixture_records',
      fields: ['reference', 'title', 'classification', 'caveats', 'compartmentId'],
    });
    return rows;
  });
}
