import type { AppContext } from '../../app-context';
import type { Queryable } from '../../db/client';
import { FieldCipher } from '../../platform/crypto/index';
import { PgDataKeyStore } from '../../platform/crypto/pg-data-key-store';

/** The vault's plaintext: what reg. 3(a)(b) asks for, and the appropriate adult for an under-16. */
export interface TrueIdentity {
  name: string;
  dateOfBirth: string;
  addresses: string[];
  documents: { kind: string; number: string; issuer: string | null }[];
  identitiesUsed: string[];
  appropriateAdult: string | null;
}

const table = 'source_identities';

/**
 * The true-identity vault's encryption: the identity (one JSON document) and the date of birth (on
 * its own, for the juvenile flags) under the source's data key, kept in the caller's transaction.
 * Table, column and source id are authenticated with each ciphertext: copied to another source or
 * column, it no longer decrypts. Decrypted values never go to a log or an error.
 */
export function sourceVault(ctx: Pick<AppContext, 'keys'>, tx: Queryable) {
  const cipher = new FieldCipher(ctx.keys, new PgDataKeyStore(tx));
  const field = (sourceId: string, column: string) => ({ table, column, recordId: sourceId });
  return {
    encryptIdentity: (sourceId: string, identity: TrueIdentity) =>
      cipher.encryptField(JSON.stringify(identity), field(sourceId, 'identity_enc')),
    decryptIdentity: async (sourceId: string, envelope: Uint8Array): Promise<TrueIdentity> =>
      JSON.parse(await cipher.decryptField(envelope, field(sourceId, 'identity_enc'))) as TrueIdentity,
    encryptBirthDate: (sourceId: string, dateOfBirth: string) =>
      cipher.encryptField(dateOfBirth, field(sourceId, 'birth_date_enc')),
    decryptBirthDate: (sourceId: string, envelope: Uint8Array) =>
      cipher.decryptField(envelope, field(sourceId, 'birth_date_enc')),
  };
}
export type SourceVault = ReturnType<typeof sourceVault>;
