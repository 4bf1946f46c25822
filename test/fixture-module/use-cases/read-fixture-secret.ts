import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { recordAudit } from '#server/platform/audit/audit.service';
import type { UserScope } from '#server/platform/request-scope';
import { fixtureSecrets } from '../fixture.cipher';
import { loadFixtureRecord } from './load-fixture-record';

/**
 * The sensitive read: a record's secret, decrypted for an actor allowed `read-sensitive`. Audited
 * before the value leaves, in the same transaction (CONVENTIONS rule 5): if the audit write fails,
 * so does the read. A ciphertext copied from another row fails to decrypt (500, audited by the
 * refusal audit as `integrity.decrypt-failed`), never yielding the other row's value.
 */
export function readFixtureSecret(ctx: AppContext, scope: UserScope, id: string): Promise<string> {
  return withActorTx(ctx, scope, async (tx) => {
    const row = await loadFixtureRecord(tx, scope.actor, id, 'read-sensitive');
    await recordAudit(tx, scope, {
      action: 'fixture.read-secret',
      recordType: 'fixture_records',
      recordId: row.id,
      fields: ['secret'],
    });
    return row.secretEnc ? fixtureSecrets(ctx, tx).decrypt(row.id, row.secretEnc) : '';
  });
}
