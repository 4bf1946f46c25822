import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { AUDIT_PUBLIC_KEY_FILE, AUDIT_SIGNING_KEY_FILE } from '../audit/chain';
import { dataKeyAad } from '../crypto/aad';
import { ensureKeyDir, type KeyProvider, masterKeyFileName, writeFileExclusive } from '../crypto/index';
import { recordKeys } from '../crypto/record-keys.schema';
import { AppError } from '../errors/index';
import { KEY_FILE_NAME } from './data-files';
import { type WalkedEntry, walk } from './files';
import type { Manifest } from './manifest';

/** The key directory's files a backup with `--include-keys` carries (key files, nothing half-written). */
export async function keyFiles(keyDir: string): Promise<WalkedEntry[]> {
  if (!existsSync(keyDir)) return [];
  return (await walk(keyDir, (_rel, isDirectory) => isDirectory)).filter((e) => KEY_FILE_NAME.test(e.rel));
}

/** SHA-256 of the audit public key file in `keyDir`, or null when there is none yet. */
export function auditPublicKeySha256(keyDir: string): string | null {
  const path = join(keyDir, AUDIT_PUBLIC_KEY_FILE);
  if (!existsSync(path)) return null;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Before anything is written: whether the target's keys will open the backup. A backup without keys
 * needs the installation's own key files in the target key directory (or LANTERN_MASTER_KEY):
 * starting without them would make new keys, and the restored data could never be decrypted nor
 * its checkpoints verified. A backup with keys must not meet different key files of the same name.
 */
export function checkTargetKeys(
  manifest: Manifest,
  backupDir: string,
  target: { keyDir: string; masterKeyFromEnv: boolean },
): void {
  const advice =
    `Put the installation's key files in ${target.keyDir} (LANTERN_KEY_DIR) first, ` +
    'or restore a backup made with --include-keys.';
  if (manifest.keys.included) {
    for (const file of manifest.files.filter((f) => f.path.startsWith('keys/'))) {
      const name = file.path.slice('keys/'.length);
      const existing = join(target.keyDir, name);
      if (!existsSync(existing)) continue;
      const same = createHash('sha256').update(readFileSync(existing)).digest('hex') === file.sha256;
      if (!same)
        throw new AppError(
          'CONFLICT',
          `The key directory ${target.keyDir} already holds a different ${name}; keys are never ` +
            'overwritten. Restore into an installation with an empty key directory, or move that file aside deliberately.',
          { file: join(backupDir, file.path) },
        );
    }
    return;
  }
  if (!target.masterKeyFromEnv)
    for (const version of manifest.keys.masterKeyVersions)
      if (!existsSync(join(target.keyDir, masterKeyFileName(version))))
        throw new AppError(
          'RULE_VIOLATION',
          `This backup holds no keys (it was made without --include-keys) and its data is encrypted under ` +
            `master key version ${version}, which is not in ${target.keyDir}. ${advice}`,
        );
  const expected = manifest.keys.auditPublicKeySha256;
  if (expected === null) return;
  const actual = auditPublicKeySha256(target.keyDir);
  if (actual === null || !existsSync(join(target.keyDir, AUDIT_SIGNING_KEY_FILE)))
    throw new AppError(
      'RULE_VIOLATION',
      `This backup holds no keys and its audit checkpoints are signed by a key that is not in ${target.keyDir}. ${advice}`,
    );
  if (actual !== expected)
    throw new AppError(
      'RULE_VIOLATION',
      `The audit signing key in ${target.keyDir} is not the one this backup's checkpoints are signed with ` +
        `(another installation's keys?). ${advice}`,
    );
}

/** Writes the backup's key files into the key directory (0700), each exclusively: never over a key. */
export function writeKeyFiles(files: { name: string; data: Buffer }[], keyDir: string): number {
  ensureKeyDir(keyDir);
  let written = 0;
  for (const { name, data } of files) {
    const mode = name.endsWith('.pub') ? 0o644 : 0o600;
    if (writeFileExclusive(keyDir, name, data, mode)) written++;
    data.fill(0);
  }
  return written;
}

/**
 * Proves the restored data keys open: one data key per master version in use is unwrapped with the
 * target's key provider. Names the version that fails (never a key or a value).
 */
export async function checkDataKeysOpen(q: Queryable, keys: KeyProvider, versions: number[]): Promise<void> {
  for (const version of versions) {
    const [row] = await q.select().from(recordKeys).where(eq(recordKeys.masterVersion, version)).limit(1);
    if (!row) continue;
    try {
      const dataKey = await keys.unwrap(
        { masterVersion: row.masterVersion, ciphertext: row.wrapped },
        dataKeyAad(row.tableName, row.recordId),
      );
      dataKey.fill(0);
    } catch {
      throw new AppError(
        'RULE_VIOLATION',
        `The restored data keys do not open with master key version ${version} of this installation: ` +
          'the key directory holds another installation’s master key. Restore the right key files and run the restore again with --force.',
      );
    }
  }
}
