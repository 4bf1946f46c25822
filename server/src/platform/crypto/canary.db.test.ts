import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { buildTestApp, TestClient } from '../../../../test/app';
import { openTestDatabaseWithUrl } from '../../../../test/db';
import { type Database, openDatabase } from '../../db/client';
import { addMemberships, buildCompartment } from '../access/access.factory';
import { buildUser } from '../auth/user.factory';

/**
 * Every file under `dir` whose bytes contain `needle`. The PostgreSQL server is live while we
 * scan, so a file or folder listed a moment ago may be gone (it rewrites caches such as
 * pg_internal.init by unlink and rename, and drops temporary folders): what is gone no longer
 * holds anything at rest, so it is skipped rather than failing the scan.
 */
function filesContaining(dir: string, needle: string): string[] {
  const wanted = Buffer.from(needle);
  const hits: string[] = [];
  const ifPresent = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const walk = (folder: string): void => {
    for (const entry of ifPresent(() => fs.readdirSync(folder, { withFileTypes: true })) ?? []) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && ifPresent(() => fs.readFileSync(file))?.includes(wanted)) hits.push(file);
    }
  };
  walk(dir);
  return hits;
}

async function writeCanary(database: Database, title: string, secret: string): Promise<string> {
  const app = await buildTestApp(database, undefined, {}, { fixtureModule: true });
  const compartment = await buildCompartment(database.db);
  const user = await buildUser(database.db, { clearance: 'SECRET' });
  await addMemberships(database.db, user.id, [compartment.id]);
  const client = new TestClient(app);
  await client.signIn(user.username);
  const res = await client.request('POST', '/api/fixture/records', {
    compartmentId: compartment.id,
    classification: 'SECRET',
    reference: 'REF-CANARY',
    title,
    secret,
  });
  expect(res.statusCode).toBe(201);
  // It decrypts for a cleared member: the value is stored, just never in the clear.
  const read = await client.request('GET', `/api/fixture/records/${res.json().id}/secret`);
  expect(read.json().secret).toBe(secret);
  await app.close();
  return res.json().id;
}

describe('field encryption at rest', () => {
  it('a canary written through an encrypted field appears nowhere in the database files, WAL or a dump', async () => {
    const tag = randomBytes(8).toString('hex');
    const title = `PLAINTITLE-${tag}`; // control: an unencrypted field must be found, proving the scan works
    const secret = `CANARYSECRET-${tag}`;
    if (process.env.LANTERN_TEST_DB !== 'postgres') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-canary-'));
      const database = await openDatabase({ pgliteDir: dir });
      await database.migrate();
      await writeCanary(database, title, secret);
      await database.db.execute(sql`CHECKPOINT`);
      await database.close();
      expect(filesContaining(dir, title).length).toBeGreaterThan(0);
      expect(filesContaining(dir, secret)).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    const { database, url } = await openTestDatabaseWithUrl();
    await writeCanary(database, title, secret);
    await database.db.execute(sql`CHECKPOINT`);
    const dump = execFileSync(path.join(inject('postgresBinDir'), 'pg_dump'), ['--no-owner', url!], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString('latin1');
    await database.close();
    const dataDir = inject('postgresDataDir');
    expect(filesContaining(dataDir, title).length).toBeGreaterThan(0);
    expect(dump).toContain(title);
    expect(filesContaining(dataDir, secret)).toEqual([]); // table files and pg_wal alike
    expect(dump).not.toContain(secret);
  }, 120_000);
});
