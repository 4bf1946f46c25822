import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AAD_LABEL, encodeAad } from './aad.js';
import { CryptoError, DecryptionError } from './errors.js';

/** A data key wrapped (encrypted) by one version of the master key. Opaque except for the version. */
export interface WrappedKey {
  /** Master-key version that wrapped it; unwrap needs that version to still exist. */
  readonly masterVersion: number;
  /** Provider-specific bytes (for the local providers: iv || tag || ciphertext). */
  readonly ciphertext: Buffer;
}

/**
 * Holds master keys and wraps data keys. A KMS or HSM implements this interface; the master key
 * never leaves it.
 *
 * Contract: `wrap` must authenticate `aad` TOGETHER WITH the master-key version it wraps under
 * (the local providers append the version to the AAD; a KMS binds it through the key id), so the
 * effective wrap AAD is `table | recordId | masterVersion`. The version is bound by the provider,
 * not the caller, because only the provider knows which version is active at the moment it wraps.
 */
export interface KeyProvider {
  /** Version new data keys are wrapped under. */
  activeVersion(): number;
  wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey>;
  /** Throws `DecryptionError` if the wrapped key, its version or `aad` do not authenticate. */
  unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer>;
  /** Creates a new master-key version and makes it active; old versions stay for unwrapping. */
  rotate(): Promise<number>;
}

export const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function wrapAad(aad: Buffer, version: number): Buffer {
  return encodeAad([AAD_LABEL.masterWrap, aad, version]);
}

/**
 * The in-process key ring shared by the file and env providers: AES-256-GCM key wrapping with
 * the version bound into the AAD.
 */
export class MasterKeyRing {
  private readonly keys = new Map<number, Buffer>();

  add(version: number, key: Buffer): void {
    if (key.length !== MASTER_KEY_BYTES) {
      throw new CryptoError('KEY_INVALID', `master key v${version} must be ${MASTER_KEY_BYTES} bytes`);
    }
    // Own copy: the caller zeroises its buffer without breaking the ring.
    this.keys.set(version, Buffer.from(key));
  }

  has(version: number): boolean {
    return this.keys.has(version);
  }

  latestVersion(): number {
    let latest = 0;
    for (const version of this.keys.keys()) latest = Math.max(latest, version);
    return latest;
  }

  wrap(version: number, dataKey: Buffer, aad: Buffer): WrappedKey {
    const key = this.keys.get(version);
    if (!key) throw new CryptoError('KEY_INVALID', `no master key v${version}`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(wrapAad(aad, version));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { masterVersion: version, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  unwrap(wrapped: WrappedKey, aad: Buffer): Buffer {
    const key = this.keys.get(wrapped.masterVersion);
    if (!key) {
      throw new DecryptionError(
        'data-key-unwrap-failed',
        `master key v${wrapped.masterVersion} is not available`,
      );
    }
    const bytes = wrapped.ciphertext;
    if (bytes.length !== IV_BYTES + TAG_BYTES + MASTER_KEY_BYTES) {
      throw new DecryptionError('data-key-unwrap-failed', 'wrapped data key has the wrong length');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(wrapAad(aad, wrapped.masterVersion));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptionError(
        'data-key-unwrap-failed',
        `wrapped data key does not authenticate under master key v${wrapped.masterVersion}`,
      );
    }
  }

  /** Overwrites every master key in memory (on shutdown). */
  destroy(): void {
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
  }
}
