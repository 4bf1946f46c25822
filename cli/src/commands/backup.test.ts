import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLantern } from '../cli-test-support';

// `lantern backup` and `lantern restore` as an operator runs them (processes of their own, PGlite);
// the round trip's every check is in server/src/platform/backup/backup.db.test.ts.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-backup-'));
const source = path.join(root, 'data');
const keyDir = path.join(root, 'keys');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LANTERN_DATA_DIR: source,
  LANTERN_KEY_DIR: keyDir,
  LANTERN_DEMO_PASSWORD: 'cli-backup-demo-password',
  LANTERN_LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL;
const lantern = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  runLantern(args, { env: { ...env, ...extra }, cwd: root });

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('lantern backup and restore', () => {
  it('back up, refuse a changed backup naming the file, restore and verify the audit log', async () => {
    expect((await lantern(['seed'])).code).toBe(0);
    expect((await lantern(['audit', 'checkpoint'])).code).toBe(0);
    fs.mkdirSync(path.join(source, 'comms'), { recursive: true });
    fs.writeFileSync(path.join(source, 'comms', 'notes.bin'), 'comms data');

    const backup = path.join(root, 'backup');
    const made = await lantern(['backup', '--to', backup]);
    expect(made, made.stderr).toMatchObject({ code: 0 });
    expect(made.stdout).toContain(`Backup written to ${backup}`);
    expect(made.stdout).toContain('keys not included');
    expect(made.stderr).toContain('Dumping the database');
    expect(made.stderr).not.toContain('WARNING');
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'data/comms/notes.bin',
      'database/pglite.tar',
    ]);

    const withKeys = await lantern(['backup', '--to', path.join(root, 'backup-keys'), '--include-keys']);
    expect(withKeys.code).toBe(0);
    expect(withKeys.stderr).toContain('WARNING: --include-keys');
    expect(withKeys.stdout).toContain('keys INCLUDED');

    const damaged = path.join(root, 'damaged');
    fs.cpSync(backup, damaged, { recursive: true });
    const file = path.join(damaged, 'data/comms/notes.bin');
    fs.writeFileSync(file, 'comms dat4');
    const refused = await lantern(['restore', '--from', damaged, '--to', path.join(root, 'r0')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `lantern: VALIDATION_FAILED: The backup is refused: ${file} does not match`,
    );

    const target = path.join(root, 'restored');
    const restored = await lantern(['restore', '--from', backup, '--to', target]);
    expect(restored, restored.stderr).toMatchObject({ code: 0 });
    expect(restored.stdout).toMatch(/Audit log OK: \d+ events verified/);
    expect(fs.readFileSync(path.join(target, 'comms', 'notes.bin'), 'utf8')).toBe('comms data');
    const verified = await lantern(['audit', 'verify'], { LANTERN_DATA_DIR: target });
    expect(verified.stdout).toMatch(/Audit log OK/);

    const again = await lantern(['restore', '--from', backup, '--to', target]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is not empty');

    // A running server holds the lock: the backup is refused, saying so.
    fs.writeFileSync(
      path.join(source, 'lantern.lock'),
      JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }),
    );
    const locked = await lantern(['backup', '--to', path.join(root, 'backup-locked')]);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('is in use by another Lantern process');
    expect(fs.existsSync(path.join(root, 'backup-locked'))).toBe(false);
  }, 180_000);
});
