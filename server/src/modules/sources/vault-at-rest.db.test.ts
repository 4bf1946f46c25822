import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { buildTestApp, contextOf } from '../../../../test/app';
import { openTestDatabaseWithUrl } from '../../../../test/db';
import { type Database, openDatabase } from '../../db/client';
import { buildSource, scopeFor } from './sources.factory';
import { readIdentity } from './use-cases/identity';

// The true identity is never in clear at rest: not in the table files, the WAL or a dump. The
// pseudonym (not encrypted) is the control that proves the scan finds what is there.

function filesContaining(dir: string, needle: string): string[] {
  const wanted = Buffer.from(needle);
  const hits: string[] = [];
  const read = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const walk = (folder: string): void => {
    for (const entry of read(() => fs.readdirSync(folder, { withFileTypes: true })) ?? []) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && read(() => fs.readFileSync(file))?.includes(wanted)) hits.push(file);
    }
  };
  walk(dir);
  return hits;
}

async function writeVault(database: Database, tag: string) {
  const app = await buildTestApp(database);
  const ctx = contextOf(app);
  const identity = {
    name: `TRUENAME${tag}`,
    dateOfBirth: '1977-07-07',
    addresses: [`ADDRESS${tag}`],
    identitiesUsed: [`ALIAS${tag}`],
  };
  const built = await buildSource(ctx, { pseudonym: `PSEUDONYM${tag}`, identity, stage: 'prospect' });
  // It decrypts for the handler: the value is stored, only never in clear.
  const read = await readIdentity(ctx, await scopeFor(ctx, built.people.handler), built.id);
  expect(read.identity?.name).toBe(identity.name);
  await database.db.execute(sql`CHECKPOINT`);
  await app.close();
}

describe('the identity vault at rest', () => {
  it('keeps the name, addresses and aliases out of the database files, the WAL and a dump', async () => {
    const tag = randomBytes(6).toString('hex').toUpperCase();
    const secrets = [`TRUENAME${tag}`, `ADDRESS${tag}`, `ALIAS${tag}`];
    if (process.env.LANTERN_TEST_DB !== 'postgres') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-vault-'));
      const database = await openDatabase({ pgliteDir: dir });
      await database.migrate();
      await writeVault(database, tag);
      await database.close();
      expect(filesContaining(dir, `PSEUDONYM${tag}`).length).toBeGreaterThan(0);
      for (const secret of secrets) expect(filesContaining(dir, secret)).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    const { database, url } = await openTestDatabaseWithUrl();
    await writeVault(database, tag);
    const dump = execFileSync(path.join(inject('postgresBinDir'), 'pg_dump'), ['--no-owner', url!], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString('latin1');
    await database.close();
    expect(dump).toContain(`PSEUDONYM${tag}`);
    const dataDir = inject('postgresDataDir');
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(filesContaining(dataDir, secret)).toEqual([]);
    }
  }, 120_000);
});
