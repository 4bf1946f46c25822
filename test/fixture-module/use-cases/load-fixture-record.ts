import type { Tx } from '#server/db/client';
import { loadVisible } from '#server/platform/access/load-visible';
import type { RecordAction } from '#server/platform/access/policy';
import type { Actor } from '#server/platform/auth/actor';
import { findFixtureRecord } from '../fixture.repo';
import type { FixtureRecordRow } from '../fixture.schema';

/**
 * One record for an action, the way every use case of the module loads it: unknown and hidden
 * answer alike (404 "Record not found."), visible but not allowed is 403.
 */
export function loadFixtureRecord(
  tx: Tx,
  actor: Actor,
  id: string,
  action: RecordAction,
): Promise<FixtureRecordRow> {
  return loadVisible(actor, action, 'Record', () => findFixtureRecord(tx, id));
}
