import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKeyDir, readPrivateFile, writeFileExclusive } from './key-files.js';
import { type KeyProvider, MASTER_KEY_BYTES, MasterKeyRing, type WrappedKey } from './key-provider.js';
import { decodeMasterKey, encodeMasterKey } from './master-key-encoding.js';

const KEY_FILE = /^master-v([1-9][0-9]*)\.key$/;

export function masterKeyFileName(version: number): string {
  return `master-v${version}.key`;
}

/**
 * Master keys in files, one per version (`master-v1.key`, `master-v2.key`, ...) in a directory
 * of mode 0700, each file 0600. The highest version is active. The directory is
 * `LANTERN_KEY_DIR` or `$LANTERN_DATA_DIR/keys/`; production should keep it off the data volume
 * so that a copy of the database (or its backups) does not carry the key that decrypts it.
 */
export class FileKeyProvider implements KeyProvider {
  private constructor(
    private readonly dir: string,
    private readonly ring: MasterKeyRing,
    private active: number,
  ) {}

  /**
   * Loads every master key in `keyDir`, creating the directory and `master-v1.key` on first
   * start. Throws if a key file is readable by group/world or the directory is writable by them.
   */
  static open(keyDir: string): FileKeyProvider {
    ensureKeyDir(keyDir);
    const ring = new MasterKeyRing();
    for (const version of listVersions(keyDir)) loadVersion(ring, keyDir, version);
    if (ring.latestVersion() === 0) {
      createVersion(keyDir, 1);
      loadVersion(ring, keyDir, 1);
    }
    return new FileKeyProvider(keyDir, ring, ring.latestVersion());
  }

  activeVersion(): number {
    return this.active;
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey> {
    return this.ring.wrap(this.active, dataKey, aad);
  }

  async unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer> {
    // Another process may have rotated since we started: pick up the new version from disk.
    const path = join(this.dir, masterKeyFileName(wrapped.masterVersion));
    if (!this.ring.has(wrapped.masterVersion) && existsSync(path)) {
      loadVersion(this.ring, this.dir, wrapped.masterVersion);
    }
    return this.ring.unwrap(wrapped, aad);
  }

  async rotate(): Promise<number> {
    let next = Math.max(this.active, ...listVersions(this.dir)) + 1;
    // Exclusive create: if another process took this version number meanwhile, take the next one.
    while (!createVersion(this.dir, next)) next += 1;
    loadVersion(this.ring, this.dir, next);
    this.active = next;
    return next;
  }

  /** Zeroises the master keys held in memory. */
  close(): void {
    this.ring.destroy();
  }
}

function listVersions(dir: string): number[] {
  const versions: number[] = [];
  for (const name of readdirSync(dir)) {
    const match = KEY_FILE.exec(name);
    if (match) versions.push(Number(match[1]));
  }
  return versions.sort((a, b) => a - b);
}

function loadVersion(ring: MasterKeyRing, dir: string, version: number): void {
  const path = join(dir, masterKeyFileName(version));
  const key = decodeMasterKey(readPrivateFile(path).toString('utf8'), `key file ${path}`);
  try {
    ring.add(version, key);
  } finally {
    key.fill(0);
  }
}

function createVersion(dir: string, version: number): boolean {
  const key = randomBytes(MASTER_KEY_BYTES);
  const text = Buffer.from(encodeMasterKey(key), 'utf8');
  try {
    return writeFileExclusive(dir, masterKeyFileName(version), text, 0o600);
  } finally {
    key.fill(0);
    text.fill(0);
  }
}
