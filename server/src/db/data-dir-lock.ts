import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): { pid: number; host: string; startedAt: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      const holder = parsed as { pid: number; host?: unknown; startedAt?: unknown };
      return { pid: holder.pid, host: String(holder.host ?? ''), startedAt: String(holder.startedAt ?? '') };
    }
  } catch {
    // Unreadable or half-written lock file: treated as stale below.
  }
  return undefined;
}

/**
 * Takes an exclusive lock on a data directory (PGlite, DuckDB files and keys live there). Two
 * processes writing one PGlite directory would corrupt it, so the second one fails at once with a
 * message that says who holds the lock. A lock left by a dead process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, 'lantern.lock');
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, body, { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          const holder = readHolder(lockPath);
          if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      const sameHost = holder?.host === os.hostname();
      if (holder && (!sameHost || isAlive(holder.pid))) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by another Lantern process (pid ${holder.pid} on ${holder.host}, ` +
            `since ${holder.startedAt}). Stop that process first, or start this one with another LANTERN_DATA_DIR.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}; another process is racing for it.`);
}
