import { basename, isAbsolute, relative, sep } from 'node:path';
import { type WalkedEntry, walk } from './files';

/**
 * What of the data directory a backup leaves out, and why. Everything else there is data and is
 * copied (so a module that starts writing files of its own is backed up without a change here):
 *
 * - `pglite/`: the database, taken whole and consistent by the dump instead of file by file;
 * - the key directory when it lies inside the data directory (`keys/` by default): keys are only
 *   in a backup with `--include-keys`, and then from wherever LANTERN_KEY_DIR points;
 * - `lantern.lock`: the lock of the process holding the directory;
 * - `demo-credentials.txt`: the demo users' generated password (a secret, and demo-only);
 * - `comms/uploads/`: uploads in flight, swept at the next start (ADR 0010);
 * - `*.csr`: contact-graph snapshots, a cache rebuilt from the DuckDB file on the first analysis;
 * - `*.tmp`: half-written files (a snapshot or key being written when a process died);
 * - any file named as a key file (`master-v<N>.key`, `audit-signing.*`, `audit-witness.json`).
 */
export const excludedFromBackup = [
  'pglite/',
  'keys/ (the key directory, when inside the data directory)',
  'lantern.lock',
  'demo-credentials.txt',
  'comms/uploads/',
  '*.csr',
  '*.tmp',
] as const;

const TOP_LEVEL_SKIPPED = new Set(['lantern.lock', 'demo-credentials.txt']);

/** Key files, wherever they lie: never copied as data, even from a key directory set to the data directory. */
export const KEY_FILE_NAME =
  /^(master-v[0-9]+\.key|audit-signing\.key|audit-signing\.pub|audit-witness\.json)$/;

/** The key directory relative to the data directory (`/`-separated), when it lies inside it. */
export function keyDirInside(dataDir: string, keyDir: string): string | undefined {
  const rel = relative(dataDir, keyDir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Whether a data-directory path (relative, `/`-separated) is left out of a backup. */
export function isExcluded(rel: string, isDirectory: boolean, keysRel: string | undefined): boolean {
  if (keysRel !== undefined && (rel === keysRel || rel.startsWith(`${keysRel}/`))) return true;
  if (isDirectory) return rel === 'pglite' || rel === 'comms/uploads';
  if (TOP_LEVEL_SKIPPED.has(rel) || KEY_FILE_NAME.test(basename(rel))) return true;
  return rel.endsWith('.csr') || rel.endsWith('.tmp');
}

/** The data directory's files that a backup copies (regular files; anything else is reported). */
export function dataFiles(dataDir: string, keyDir: string): Promise<WalkedEntry[]> {
  const keysRel = keyDirInside(dataDir, keyDir);
  return walk(dataDir, (rel, isDirectory) => isExcluded(rel, isDirectory, keysRel));
}
