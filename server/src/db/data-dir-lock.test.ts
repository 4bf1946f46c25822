import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lock-'));
}

describe('data directory lock', () => {
  it('lets one holder in and refuses the next with who holds it', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${process.pid}`));
    lock.release();
    const again = acquireDataDirLock(dir);
    again.release();
    expect(fs.existsSync(path.join(dir, 'lantern.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    fs.writeFileSync(
      path.join(dir, 'lantern.lock'),
      JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
