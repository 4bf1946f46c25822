import { CryptoError } from './errors.js';
import { type KeyProvider, MasterKeyRing, type WrappedKey } from './key-provider.js';
import { decodeMasterKey } from './master-key-encoding.js';

/**
 * One master key (version 1) from `LANTERN_MASTER_KEY` (base64 of 32 bytes), for deployments that
 * inject secrets through the environment. It cannot rotate: a new key would have to reach every
 * process's environment while the old one stays available for unwrapping, which env vars cannot
 * express — use a key directory or a KMS provider for that.
 */
export class EnvKeyProvider implements KeyProvider {
  private readonly ring = new MasterKeyRing();

  /** `value` is the content of LANTERN_MASTER_KEY; the caller reads the environment. */
  constructor(value: string) {
    const key = decodeMasterKey(value, 'LANTERN_MASTER_KEY');
    try {
      this.ring.add(1, key);
    } finally {
      key.fill(0);
    }
  }

  /** Returns a provider if LANTERN_MASTER_KEY is set, else undefined. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): EnvKeyProvider | undefined {
    const value = env.LANTERN_MASTER_KEY;
    return value === undefined || value === '' ? undefined : new EnvKeyProvider(value);
  }

  activeVersion(): number {
    return 1;
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey> {
    return this.ring.wrap(1, dataKey, aad);
  }

  async unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer> {
    return this.ring.unwrap(wrapped, aad);
  }

  async rotate(): Promise<number> {
    throw new CryptoError(
      'KEY_UNSUPPORTED',
      'the master key comes from LANTERN_MASTER_KEY, which cannot be rotated in place; ' +
        'move it to a key directory (LANTERN_KEY_DIR, file master-v1.key, mode 0600) or a KMS, then rotate',
    );
  }

  close(): void {
    this.ring.destroy();
  }
}
