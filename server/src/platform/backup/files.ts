import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file's size and SHA-256 (hex), read once. */
export interface FileDigest {
  size: number;
  sha256: string;
}

/** Hashes a file as a stream (constant memory, whatever its size). */
export async function hashFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Copies `from` to `to` (created exclusively, mode 0600, parents 0700) and hashes the bytes as they
 * pass: the digest is of exactly what was written. Fsyncs the copy before returning.
 */
export async function copyAndHash(from: string, to: string): Promise<FileDigest> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(
    createReadStream(from, { highWaterMark: 1 << 20 }),
    tap,
    createWriteStream(to, { flags: 'wx', mode: 0o600 }),
  );
  await fsyncPath(to);
  return { size, sha256: hash.digest('hex') };
}

/** Flushes a file (or directory) to disk; directories best effort (not every platform allows it). */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!(await handle.stat()).isDirectory()) throw error;
  } finally {
    await handle.close();
  }
}

/** A path under a root, `/`-separated whatever the platform. */
export function posixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export interface WalkedEntry {
  /** Path relative to the walked root, `/`-separated. */
  rel: string;
  abs: string;
  /** `file`, or what else it is (a backup holds regular files only; anything else is named). */
  kind: 'file' | 'symlink' | 'other';
}

/**
 * Every entry under `root` (directories descended, not listed), sorted by path. Symbolic links are
 * reported, never followed. `skip(rel, isDir)` leaves out a file or a whole directory.
 */
export async function walk(
  root: string,
  skip: (rel: string, isDirectory: boolean) => boolean = () => false,
): Promise<WalkedEntry[]> {
  const out: WalkedEntry[] = [];
  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = posixRelative(root, abs);
      if (entry.isDirectory()) {
        if (!skip(rel, true)) await visit(abs);
        continue;
      }
      if (skip(rel, false)) continue;
      const kind = entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'symlink' : 'other';
      out.push({ rel, abs, kind });
    }
  }
  await visit(root);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Whether a directory is missing or holds nothing but the entries `ignore` accepts. */
export async function isEmptyDir(dir: string, ignore: (name: string) => boolean = () => false) {
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat) return true;
  if (!stat.isDirectory()) return false;
  return (await readdir(dir)).every(ignore);
}

/** `1.5 MB`, `230 kB`: byte counts for people (the manifest keeps the exact values). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
