import { FieldCipher, type FieldContext, type KeyProvider } from '../../crypto';
import { PgDataKeyStore } from '../../crypto/pg-data-key-store';
import type { Queryable } from '../../../db/client';

function secretField(userId: string): FieldContext {
  return { table: 'user_totp', column: 'secret', recordId: userId };
}

/** Field-encrypts a TOTP secret for this user's row; its data key is written in the same transaction. */
export function encryptTotpSecret(q: Queryable, keys: KeyProvider, userId: string, secret: string) {
  return new FieldCipher(keys, new PgDataKeyStore(q)).encryptField(secret, secretField(userId));
}

export function decryptTotpSecret(q: Queryable, keys: KeyProvider, userId: string, secretEnc: Buffer) {
  return new FieldCipher(keys, new PgDataKeyStore(q)).decryptField(secretEnc, secretField(userId));
}
