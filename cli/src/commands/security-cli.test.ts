import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client';
import { FieldCipher, FileKeyProvider } from '#server/platform/crypto/index';
import { PgDataKeyStore } from '#server/platform/crypto/pg-data-key-store';
import { repoRoot } from '../../../test/server-process';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-sec-'));
const env = {
  ...process.env,
  LANTERN_DATA_DIR: dataDir,
  LANTERN_DEMO_PASSWORD: 'cli-demo-password-1',
  LANTERN_LOG_LEVEL: 'warn',
};

async function lantern(...args: string[]): Promise<{ code: number; out: string }> {
  return lanternIn({ env, cwd: repoRoot }, ...args);
}

async function lanternIn(
  options: { env: NodeJS.ProcessEnv; cwd: string },
  ...args: string[]
): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(repoRoot, 'cli/bin/lantern.mjs'), ...args],
      options,
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** Opens the installation's PGlite directly, as an attacker or a test with file access would. */
async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('lantern audit and keys commands', () => {
  it('verifies the audit log, signs checkpoints, rotates keys without losing data, and names a tampered event', async () => {
    expect((await lantern('seed')).out).toContain('Demo users created');
    expect((await lantern('audit', 'checkpoint')).out).toMatch(/Signed checkpoint at \d+ events/);
    const ok = await lantern('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit log OK: \d+ events verified/);

    // A protected value written under master key v1.
    const keyDir = path.join(dataDir, 'keys');
    const context = { table: 'cli_test', column: 'secret', recordId: 'r1' };
    const envelope = await withDatabase(async (database) =>
      new FieldCipher(FileKeyProvider.open(keyDir), new PgDataKeyStore(database.db)).encryptField(
        'kept safe',
        context,
      ),
    );
    const rotated = await lantern('keys', 'rotate');
    expect(rotated.code).toBe(0);
    expect(rotated.out).toContain('Master key version 2 is active: 1 data keys re-wrapped');
    const [plain, masterVersion] = await withDatabase(async (database) => {
      const store = new PgDataKeyStore(database.db);
      const value = await new FieldCipher(FileKeyProvider.open(keyDir), store).decryptField(
        envelope,
        context,
      );
      return [value, (await store.get('cli_test', 'r1'))?.wrapped.masterVersion];
    });
    expect(plain).toBe('kept safe');
    expect(masterVersion).toBe(2);

    await withDatabase(async (database) => {
      await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
      await database.db.execute(sql`UPDATE audit_events SET action = 'user.delete' WHERE seq = 3`);
    });
    const bad = await lantern('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('FAILED verification at event 3: leaf hash mismatch (modified)');
  }, 120_000);
});

describe('offline commands', () => {
  it('refuse where no data directory is, naming LANTERN_DATA_DIR, and create none', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-nodata-'));
    try {
      const missing = path.join(empty, 'nowhere');
      for (const args of [
        ['audit', 'verify'],
        ['users', 'list'],
        ['keys', 'rotate'],
        ['audit', 'checkpoint'],
      ]) {
        const refused = await lanternIn({ env: { ...env, LANTERN_DATA_DIR: missing }, cwd: empty }, ...args);
        expect(refused, args.join(' ')).toMatchObject({ code: 2 });
        expect(refused.out).toContain(`No Lantern data directory at ${missing}`);
        expect(refused.out).toContain('LANTERN_DATA_DIR');
      }
      // Without LANTERN_DATA_DIR: ./data is not made where the command runs.
      const { LANTERN_DATA_DIR: _unset, ...withoutDir } = env;
      const here = await lanternIn({ env: withoutDir, cwd: empty }, 'audit', 'verify');
      expect(here.code).toBe(2);
      expect(here.out).toContain('LANTERN_DATA_DIR');
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it('say a running server holds the data directory, and that the client commands work beside it', async () => {
    const held = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-held-'));
    try {
      // As a live server leaves it: a lock naming a live process on this host (this test's).
      fs.writeFileSync(
        path.join(held, 'lantern.lock'),
        JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }),
      );
      const refused = await lanternIn(
        { env: { ...env, LANTERN_DATA_DIR: held }, cwd: held },
        'users',
        'list',
      );
      expect(refused.code).toBe(2);
      expect(refused.out).toContain('is in use by another Lantern process');
      expect(refused.out).toContain('lantern comms');
    } finally {
      fs.rmSync(held, { recursive: true, force: true });
    }
  }, 60_000);
});
