import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runServerExpectingFailure, startServerProcess } from '../../test/server-process';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-serve-'));
const env = { LANTERN_DATA_DIR: dataDir, LANTERN_DEMO_PASSWORD: 'demo-password-for-tests' };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function signInStatus(url: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'handler', password }),
  });
  return res.status;
}

describe('the server process', () => {
  it('starts on PGlite with demo data, refuses a second process on the same data dir, and keeps data across a restart', async () => {
    const first = await startServerProcess(env);
    try {
      const health = await (await fetch(`${first.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
      expect(first.output()).toContain('Demo users (one per role): handler, handler2');
      expect(await signInStatus(first.url, 'demo-password-for-tests')).toBe(200);

      const second = await runServerExpectingFailure(env);
      expect(second.code).toBe(2);
      expect(second.output).toMatch(/data directory .* is in use by another Lantern process \(pid \d+/);
      // The refused process must not have disturbed the running one.
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0); // graceful shutdown exits cleanly
    }
    expect(fs.existsSync(path.join(dataDir, 'lantern.lock'))).toBe(false);

    // Restart with another demo password: the data (and the old password) must survive, no re-seed.
    const again = await startServerProcess({ ...env, LANTERN_DEMO_PASSWORD: 'another-password-entirely' });
    try {
      expect(await signInStatus(again.url, 'demo-password-for-tests')).toBe(200);
      expect(await signInStatus(again.url, 'another-password-entirely')).toBe(401);
    } finally {
      await again.stop('SIGINT');
    }
  }, 120_000);

  it('refuses to start with an invalid setting and names it', async () => {
    const result = await runServerExpectingFailure({ ...env, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.output).toContain('PORT');
  }, 60_000);
});
