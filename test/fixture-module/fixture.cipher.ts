import type { AppContext } from '#server/app-context';
import type { Queryable } from '#server/db/client';
import { FieldCipher } from '#server/platform/crypto/index';
import { PgDataKeyStore } from '#server/platform/crypto/pg-data-key-store';

/**
 * The module's encrypted field: the secret, under a data key of its record kept in the same
 * transaction (so the record and its key commit or vanish together). The table, column and record
 * id are authenticated with the ciphertext: copied to another row, it no longer decrypts.
 */
export function fixtureSecrets(ctx: Pick<AppContext, 'keys'>, tx: Queryable) {
  const cipher = new FieldCipher(ctx.keys, new PgDataKeyStore(tx));
  const field = (recordId: string) => ({ table: 'fixture_records', column: 'secret', recordId });
  return {
    encrypt: (recordId: string, secret: string) => cipher.encryptField(secret, field(recordId)),
    decrypt: (recordId: string, envelope: Uint8Array) => cipher.decryptField(envelope, field(recordId)),
  };
}
