import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CryptoError } from './errors.js';

/**
 * Key-directory and key-file hygiene shared by the master-key provider and the audit signing key.
 * Synchronous on purpose: it runs once at start, before the server accepts requests.
 */

const GROUP_OR_WORLD = 0o077;
const GROUP_OR_WORLD_WRITE = 0o022;

function mode(bits: number): string {
  return `0${(bits & 0o777).toString(8)}`;
}

/**
 * Creates the key directory with mode 0700 if missing. An existing directory that others can
 * write to is refused: whoever can add a file there could plant a master key of a higher version
 * that we would then make active.
 */
export function ensureKeyDir(dir: string): void {
  let stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask; set it explicitly so it is exactly 0700.
    chmodSync(dir, 0o700);
    stat = statSync(dir);
  }
  if (!stat.isDirectory()) {
    throw new CryptoError('KEY_FILE_INSECURE', `key directory ${dir} exists but is not a directory`);
  }
  if ((stat.mode & GROUP_OR_WORLD_WRITE) !== 0) {
    throw new CryptoError(
      'KEY_FILE_INSECURE',
      `key directory ${dir} is writable by group or others (mode ${mode(stat.mode)}); run: chmod 700 ${dir}`,
    );
  }
}

/** Refuses a secret key file that anyone but its owner could read or write. */
export function assertPrivateFile(path: string): void {
  const stat = statSync(path);
  if (!stat.isFile()) {
    throw new CryptoError('KEY_FILE_INSECURE', `key file ${path} is not a regular file`);
  }
  if ((stat.mode & GROUP_OR_WORLD) !== 0) {
    throw new CryptoError(
      'KEY_FILE_INSECURE',
      `key file ${path} is accessible by group or others (mode ${mode(stat.mode)}); ` +
        `run: chmod 600 ${path} — and treat the key as possibly disclosed (rotate it)`,
    );
  }
}

/** Reads a secret key file after checking its permissions. */
export function readPrivateFile(path: string): Buffer {
  assertPrivateFile(path);
  return readFileSync(path);
}

/**
 * Writes a new file atomically and exclusively: a temp file is written (0600 or `fileMode`),
 * fsynced, then hard-linked to its final name. `link` fails if the name exists, so two processes
 * starting at once cannot overwrite each other's key, and a crash never leaves a half-written key
 * under the real name. Returns false if the file already existed.
 */
export function writeFileExclusive(dir: string, name: string, data: Buffer, fileMode = 0o600): boolean {
  const finalPath = join(dir, name);
  const tmpPath = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmpPath, 'wx', fileMode);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmpPath, fileMode);
    linkSync(tmpPath, finalPath);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmpPath);
    syncDir(dir);
  }
}

function syncDir(dir: string): void {
  // Makes the new directory entry durable; not supported on every platform, hence best effort.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
