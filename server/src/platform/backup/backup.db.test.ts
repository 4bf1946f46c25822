import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  ciScale,
  commsStatsOf,
  readSecrets,
  type SeedFacts,
  seedInstallation,
} from '../../../../test/verification/backup-seed';
import { type Config, loadConfig } from '../../config';
import { acquireDataDirLock } from '../../db/data-dir-lock';
import { openRuntime } from '../../runtime';
import { verifyAuditTrail } from '../audit/checkpoints';
import { databaseState, type DatabaseState } from './database-state';
import { walk } from './files';
import { createBackup, type Manifest, restoreBackup } from './index';

// The round trip of ADR 0024 on this project's engine (PGlite, or the PostgreSQL server the
// db-postgres setup started): seed, back up, restore into a fresh installation, find everything.

const engine = process.env.LANTERN_TEST_DB ?? 'pglite';
const root = mkdtempSync(join(tmpdir(), 'lantern-backup-test-'));
const keyDir = join(root, 'keys'); // apart from the data directory, as production keeps it

/** A fresh, empty database on the test server (PostgreSQL), or undefined (PGlite). */
async function freshDatabaseUrl(): Promise<string | undefined> {
  if (engine === 'pglite') return undefined;
  const adminUrl = inject('postgresUrl');
  const name = `lantern_backup_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function installation(dataDir: string, options: { keyDir?: string; url?: string | undefined } = {}) {
  const env: Record<string, string> = {
    LANTERN_ENV: 'test',
    LANTERN_DATA_DIR: dataDir,
    LANTERN_MODULES: 'fixture',
  };
  if (options.keyDir) env.LANTERN_KEY_DIR = options.keyDir;
  if (options.url) env.DATABASE_URL = options.url;
  if (engine !== 'pglite') process.env.LANTERN_PG_BIN = inject('postgresBinDir');
  return loadConfig(env);
}

/** Every data file of an installation (what a backup copies) with its bytes' hex digest. */
async function dataFilesOf(config: Config): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of await walk(join(config.dataDir, 'comms'), () => false))
    out[e.rel] = readFileSync(e.abs).length;
  return out;
}

let source: Config;
let facts: SeedFacts;
let sourceState: DatabaseState;
let backupDir: string;
let manifest: Manifest;

beforeAll(async () => {
  source = await installation(join(root, 'source'), { keyDir, url: await freshDatabaseUrl() });
  const runtime = await openRuntime(source);
  try {
    facts = await seedInstallation(runtime, source, ciScale);
    sourceState = await databaseState(runtime.database.db);
  } finally {
    await runtime.close();
  }
  backupDir = join(root, 'backup');
  manifest = (await createBackup(source, { to: backupDir })).manifest;
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Opens a restored installation and returns what the checks compare. */
async function inspect(config: Config) {
  const runtime = await openRuntime(config);
  try {
    return {
      state: await databaseState(runtime.database.db),
      audit: await verifyAuditTrail(runtime.database.db, config.keyDir),
      secrets: await readSecrets(
        runtime,
        config,
        facts.records.map((r) => r.id),
      ),
      comms: await commsStatsOf(runtime, config, facts.datasetId),
    };
  } finally {
    await runtime.close();
  }
}

describe(`backup and restore (${engine})`, () => {
  it('restores every record, file and the audit chain into a fresh installation', async () => {
    const target = await installation(join(root, 'restored'), { keyDir, url: await freshDatabaseUrl() });
    const result = await restoreBackup(target, { from: backupDir });
    expect(result.audit).toMatchObject({ ok: true, count: BigInt(facts.auditEvents) });
    expect(facts.auditEvents).toBeGreaterThan(ciScale.records);

    const restored = await inspect(target);
    expect(restored.state.tables).toEqual(sourceState.tables);
    expect(restored.state.sequences).toEqual(sourceState.sequences);
    expect(restored.state.tables['public.fixture_records']?.rows).toBe(ciScale.records);
    expect(restored.state.tables['public.users']?.rows).toBeGreaterThanOrEqual(ciScale.users);
    expect(restored.secrets).toEqual(facts.records.map((r) => r.secret));
    expect(restored.comms).toEqual(facts.commsStats);
    expect(restored.audit.ok).toBe(true);

    // The data files came back byte for byte; uploads in flight and graph snapshots stayed out.
    const files = await dataFilesOf(target);
    expect(files).toEqual(
      Object.fromEntries(
        manifest.files.filter((f) => f.path.startsWith('data/comms/')).map((f) => [f.path.slice(11), f.size]),
      ),
    );
    expect(Object.keys(files).some((f) => f.endsWith('.duckdb'))).toBe(true);
    expect(
      manifest.files.map((f) => f.path).filter((p) => p.includes('uploads') || p.endsWith('.csr')),
    ).toEqual([]);
  });

  it('refuses a backup with one byte changed, a file missing or an extra file, naming the file', async () => {
    const duckdb = manifest.files.find((f) => f.path.endsWith('.duckdb'))!.path;
    const cases: [string, (dir: string) => void, RegExp][] = [
      [
        'a byte flipped',
        (dir) => {
          const path = join(dir, duckdb);
          const bytes = readFileSync(path);
          bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
          writeFileSync(path, bytes);
        },
        /does not match its SHA-256/,
      ],
      ['a file missing', (dir) => rmSync(join(dir, duckdb)), /is missing/],
      ['an extra file', (dir) => writeFileSync(join(dir, 'data', 'planted.txt'), 'x'), /not in the manifest/],
    ];
    for (const [what, damage, problem] of cases) {
      const copy = join(root, `damaged-${what.replaceAll(' ', '-')}`);
      cpSync(backupDir, copy, { recursive: true });
      damage(copy);
      const targetDir = join(root, `refused-${what.replaceAll(' ', '-')}`);
      const target = await installation(targetDir, { keyDir, url: await freshDatabaseUrl() });
      const refusal = restoreBackup(target, { from: copy });
      await expect(refusal, what).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(problem),
      });
      const file = what === 'an extra file' ? join(copy, 'data', 'planted.txt') : join(copy, duckdb);
      await expect(restoreBackup(target, { from: copy })).rejects.toThrow(file);
      expect(existsSync(targetDir), `${what}: nothing written`).toBe(false);
    }
  });

  it('holds no key unless --include-keys, and then restores into an installation that has none', async () => {
    const keyNames = ['master-v1.key', 'audit-signing.key'];
    expect(manifest.keys.included).toBe(false);
    expect(manifest.files.filter((f) => f.path.startsWith('keys/') || /\.key$/.test(f.path))).toEqual([]);
    const secret = readFileSync(join(keyDir, 'master-v1.key'));
    for (const f of manifest.files)
      expect(readFileSync(join(backupDir, f.path)).includes(secret), f.path).toBe(false);

    // Without keys, a fresh installation that has none of its own is refused before anything is written.
    const bare = await installation(join(root, 'bare'), { url: await freshDatabaseUrl() });
    await expect(restoreBackup(bare, { from: backupDir })).rejects.toThrow(/holds no keys/);
    expect(existsSync(join(root, 'bare'))).toBe(false);

    const withKeys = join(root, 'backup-with-keys');
    const m = (await createBackup(source, { to: withKeys, includeKeys: true })).manifest;
    expect(m.keys.included).toBe(true);
    expect(m.files.map((f) => f.path)).toEqual(expect.arrayContaining(keyNames.map((k) => `keys/${k}`)));
    const target = await installation(join(root, 'restored-with-keys'), { url: await freshDatabaseUrl() });
    const result = await restoreBackup(target, { from: withKeys });
    expect(result.audit.ok).toBe(true);
    const restored = await inspect(target);
    expect(restored.secrets).toEqual(facts.records.map((r) => r.secret));
    expect(restored.state.tables).toEqual(sourceState.tables);
  });

  it('refuses a non-empty target without --force, and replaces it with --force (keys kept)', async () => {
    const dataDir = join(root, 'occupied');
    mkdirSync(join(dataDir, 'comms'), { recursive: true });
    writeFileSync(join(dataDir, 'comms', 'old.duckdb'), 'old');
    const target = await installation(dataDir, { keyDir, url: await freshDatabaseUrl() });
    await expect(restoreBackup(target, { from: backupDir })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('--force'),
    });
    const result = await restoreBackup(target, { from: backupDir, force: true });
    expect(result.audit.ok).toBe(true);
    expect(existsSync(join(dataDir, 'comms', 'old.duckdb'))).toBe(false);
    expect(existsSync(join(keyDir, 'master-v1.key'))).toBe(true);
  });

  it('refuses to back up a data directory another process holds, and a backup into a non-empty directory', async () => {
    const lock = acquireDataDirLock(source.dataDir);
    try {
      await expect(createBackup(source, { to: join(root, 'while-locked') })).rejects.toThrow(
        /in use by another Lantern process/,
      );
    } finally {
      lock.release();
    }
    expect(existsSync(join(root, 'while-locked'))).toBe(false);
    await expect(createBackup(source, { to: backupDir })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
