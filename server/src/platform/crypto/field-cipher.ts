import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { dataKeyAad, fieldAad } from './aad.js';
import type { DataKeyStore, StoredDataKey } from './data-key-store.js';
import { decodeEnvelope, ENVELOPE_FORMAT_V1, encodeEnvelope, IV_BYTES } from './envelope.js';
import { DecryptionError } from './errors.js';
import type { KeyProvider } from './key-provider.js';

/** Where a field value lives; all three are authenticated with the ciphertext. */
export interface FieldContext {
  readonly table: string;
  readonly column: string;
  readonly recordId: string;
}

const DATA_KEY_BYTES = 32;
// A lone UTF-16 surrogate cannot be encoded as UTF-8 and would come back as U+FFFD: refuse it
// rather than silently store something other than what the caller gave us.
const LONE_SURROGATE = /\p{Cs}/u;
const FIRST_DATA_KEY_VERSION = 1;

/**
 * Envelope encryption of individual fields: AES-256-GCM under a random data key per record,
 * the data key wrapped by the provider's master key and kept in a `DataKeyStore`.
 *
 * Why a key per record: copying a ciphertext to another record cannot work (other key, other
 * AAD), and deleting a record's key destroys every copy of its fields, backups included.
 */
export class FieldCipher {
  constructor(
    private readonly provider: KeyProvider,
    private readonly store: DataKeyStore,
  ) {}

  /** Encrypts `value` for exactly this table, column and record; creates the record's key if needed. */
  async encryptField(value: string, ctx: FieldContext): Promise<Buffer> {
    if (LONE_SURROGATE.test(value)) throw new TypeError('value is not well-formed Unicode (lone surrogate)');
    const { stored, dataKey } = await this.obtainDataKey(ctx.table, ctx.recordId);
    try {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(fieldAad(ENVELOPE_FORMAT_V1, ctx.table, ctx.column, ctx.recordId, stored.dataKeyVersion));
      const plaintext = Buffer.from(value, 'utf8');
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      plaintext.fill(0);
      return encodeEnvelope({
        format: ENVELOPE_FORMAT_V1,
        dataKeyVersion: stored.dataKeyVersion,
        iv,
        tag: cipher.getAuthTag(),
        ciphertext,
      });
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * Decrypts an envelope made by `encryptField` for the same table, column and record.
   * @throws DecryptionError if it was altered, or belongs to another row, column, table or key.
   */
  async decryptField(envelope: Uint8Array, ctx: FieldContext): Promise<string> {
    const env = decodeEnvelope(envelope);
    const stored = await this.store.get(ctx.table, ctx.recordId);
    if (!stored) {
      throw new DecryptionError('no-data-key', `no data key for a record of ${ctx.table}`);
    }
    if (stored.dataKeyVersion !== env.dataKeyVersion) {
      throw new DecryptionError('data-key-version-mismatch', `data key version mismatch in ${ctx.table}`);
    }
    const dataKey = await this.unwrap(stored);
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, env.iv);
      decipher.setAAD(fieldAad(env.format, ctx.table, ctx.column, ctx.recordId, env.dataKeyVersion));
      decipher.setAuthTag(env.tag);
      // GCM releases unauthenticated bytes from update(); they are discarded unless final() passes.
      const parts = [decipher.update(env.ciphertext)];
      try {
        parts.push(decipher.final());
      } catch {
        for (const part of parts) part.fill(0);
        throw new DecryptionError(
          'authentication-failed',
          `encrypted field ${ctx.table}.${ctx.column} failed authentication: altered, or copied from another record or column`,
        );
      }
      const plaintext = Buffer.concat(parts);
      const text = plaintext.toString('utf8');
      plaintext.fill(0);
      for (const part of parts) part.fill(0);
      return text;
    } finally {
      dataKey.fill(0);
    }
  }

  private async obtainDataKey(
    table: string,
    recordId: string,
  ): Promise<{ stored: StoredDataKey; dataKey: Buffer }> {
    const existing = await this.store.get(table, recordId);
    if (existing) return { stored: existing, dataKey: await this.unwrap(existing) };

    const dataKey = randomBytes(DATA_KEY_BYTES);
    const wrapped = await this.provider.wrap(dataKey, dataKeyAad(table, recordId));
    const candidate: StoredDataKey = { table, recordId, dataKeyVersion: FIRST_DATA_KEY_VERSION, wrapped };
    const stored = await this.store.put(candidate);
    if (stored === candidate || stored.wrapped.ciphertext.equals(wrapped.ciphertext)) {
      return { stored, dataKey };
    }
    // A concurrent writer created this record's key first: use theirs, forget ours.
    dataKey.fill(0);
    return { stored, dataKey: await this.unwrap(stored) };
  }

  private async unwrap(stored: StoredDataKey): Promise<Buffer> {
    try {
      return await this.provider.unwrap(stored.wrapped, dataKeyAad(stored.table, stored.recordId));
    } catch (err) {
      if (err instanceof DecryptionError) throw err;
      throw new DecryptionError(
        'data-key-unwrap-failed',
        `cannot unwrap the data key of a ${stored.table} record`,
      );
    }
  }
}
