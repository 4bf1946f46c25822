import { join } from 'node:path';
import { EnvKeyProvider } from './env-key-provider.js';
import { FileKeyProvider } from './file-key-provider.js';
import type { KeyProvider } from './key-provider.js';

export interface KeyLocation {
  /** LANTERN_MASTER_KEY, if set: wins over the key directory. */
  readonly masterKey?: string;
  /** LANTERN_KEY_DIR, if set. */
  readonly keyDir?: string;
  /** LANTERN_DATA_DIR: the key directory defaults to `<dataDir>/keys`. */
  readonly dataDir: string;
}

/** Picks the provider from config values (the caller reads the environment, once, in config.ts). */
export function openKeyProvider(location: KeyLocation): KeyProvider {
  if (location.masterKey) return new EnvKeyProvider(location.masterKey);
  return FileKeyProvider.open(resolveKeyDir(location));
}

/** The key directory: LANTERN_KEY_DIR, else `$LANTERN_DATA_DIR/keys`. Also holds the audit signing key. */
export function resolveKeyDir(location: Pick<KeyLocation, 'keyDir' | 'dataDir'>): string {
  return location.keyDir ?? join(location.dataDir, 'keys');
}
