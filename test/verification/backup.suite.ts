import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '#server/config';
import { verifyAuditTrail } from '#server/platform/audit/checkpoints';
import {
  createBackup,
  databaseState,
  formatBytes,
  restoreBackup,
  stateDifferences,
} from '#server/platform/backup/index';
import { openRuntime } from '#server/runtime';
import { startTestPostgres, type TestPostgres } from '../setup/postgres-server';
import { commsStatsOf, readSecrets, type SeedScale, seedInstallation } from './backup-seed';
import { option, type SuiteResult, table } from './suite';

// The backup round trip at full size (ADR 0024): seed an installation, back it up, restore it into
// a fresh one, check every table, every record's secret, the comms dataset and the audit chain; a
// backup with one byte changed must be refused naming the file. Prints the figures per engine.
// Options: --engine pglite|postgres|both (both), --users N, --records N, --events N.

interface Figures {
  engine: string;
  rows: number;
  records: number;
  events: number;
  audit: number;
  backupBytes: number;
  seedS: number;
  backupS: number;
  restoreS: number;
  refuseS: number;
}

const mbps = (bytes: number, s: number) => (bytes / 1e6 / s).toFixed(1);

async function roundTrip(
  engine: 'pglite' | 'postgres',
  scale: SeedScale,
  failures: string[],
  server?: TestPostgres,
): Promise<Figures> {
  const root = mkdtempSync(join(tmpdir(), `lantern-verify-backup-${engine}-`));
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(`${engine}: ${what}`);
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  };
  const database = async (name: string) => {
    if (!server) return undefined;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return server.url.replace(/\/postgres$/, `/${name}`);
  };
  const configOf = async (dir: string, db: string) => {
    const url = await database(db);
    return loadConfig({
      LANTERN_ENV: 'test',
      LANTERN_MODULES: 'fixture',
      LANTERN_DATA_DIR: join(root, dir),
      LANTERN_KEY_DIR: join(root, 'keys'),
      ...(url ? { DATABASE_URL: url } : {}),
    });
  };
  try {
    process.stdout.write(
      `${engine}: seeding ${scale.users} users, ${scale.records} records, ${scale.commsEvents} comms events…\n`,
    );
    const source = await configOf('source', 'verify_source');
    let t = performance.now();
    const runtime = await openRuntime(source);
    const facts = await seedInstallation(runtime, source, scale);
    const before = await databaseState(runtime.database.db);
    await runtime.close();
    const seedS = (performance.now() - t) / 1000;

    t = performance.now();
    const backup = await createBackup(source, { to: join(root, 'backup') });
    const backupS = (performance.now() - t) / 1000;

    const target = await configOf('restored', 'verify_restored');
    t = performance.now();
    const restored = await restoreBackup(target, { from: join(root, 'backup') });
    const restoreS = (performance.now() - t) / 1000;

    const reopened = await openRuntime(target);
    try {
      const after = await databaseState(reopened.database.db);
      // The restore compared every table with the manifest before migrating; compared again here
      // after it. A migration that landed since the seed (this checkout changing under a long run)
      // legitimately adds its row to the migrations table, so that table is then left out.
      const migrated = restored.migrations.applied - backup.manifest.database.migrations.applied;
      if (migrated > 0) {
        process.stdout.write(`  note: the restore applied ${migrated} migration(s) newer than the backup\n`);
        delete before.tables['drizzle.__drizzle_migrations'];
        delete after.tables['drizzle.__drizzle_migrations'];
      }
      const differences = stateDifferences(before, after);
      check(
        differences.length === 0,
        `every table as backed up${differences.length ? `: ${differences[0]}` : ''}`,
      );
      const secrets = await readSecrets(
        reopened,
        target,
        facts.records.map((r) => r.id),
      );
      check(
        secrets.every((s, i) => s === facts.records[i]!.secret),
        `${facts.records.length} encrypted secrets decrypt to what was written`,
      );
      const comms = await commsStatsOf(reopened, target, facts.datasetId);
      check(
        JSON.stringify(comms) === JSON.stringify(facts.commsStats),
        'the comms dataset answers as before',
      );
      const audit = await verifyAuditTrail(reopened.database.db, target.keyDir);
      check(
        audit.ok && Number(audit.count) === facts.auditEvents,
        `audit chain verifies (${facts.auditEvents} events)`,
      );
      check(restored.audit.ok, 'the restore reported the audit log OK');
    } finally {
      await reopened.close();
    }

    const duckdb = backup.manifest.files.find((f) => f.path.endsWith('.duckdb'))!.path;
    cpSync(join(root, 'backup'), join(root, 'damaged'), { recursive: true });
    const bytes = readFileSync(join(root, 'damaged', duckdb));
    bytes[bytes.length >> 1]! ^= 0x80;
    writeFileSync(join(root, 'damaged', duckdb), bytes);
    t = performance.now();
    const refusal = await restoreBackup(await configOf('refused', 'verify_refused'), {
      from: join(root, 'damaged'),
    }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    const refuseS = (performance.now() - t) / 1000;
    check(
      refusal?.includes(join(root, 'damaged', duckdb)) === true,
      'a byte flipped in the DuckDB file is refused, naming it',
    );

    const rows = Object.values(before.tables).reduce((sum, x) => sum + x.rows, 0);
    return {
      engine,
      rows,
      records: facts.records.length,
      events: scale.commsEvents,
      audit: facts.auditEvents,
      backupBytes: backup.bytes,
      seedS,
      backupS,
      restoreS,
      refuseS,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<SuiteResult> {
  const scale = {
    users: Number(option(args, 'users', '20')),
    records: Number(option(args, 'records', '2000')),
    commsEvents: Number(option(args, 'events', '1000000')),
  };
  const which = option(args, 'engine', 'both');
  const failures: string[] = [];
  const figures: Figures[] = [];
  if (which !== 'postgres') figures.push(await roundTrip('pglite', scale, failures));
  if (which !== 'pglite') {
    const server = await startTestPostgres();
    try {
      figures.push(await roundTrip('postgres', scale, failures, server));
    } finally {
      await server.stop();
    }
  }
  process.stdout.write(
    `\n${table(
      [
        'engine',
        'DB rows',
        'records',
        'comms events',
        'audit events',
        'backup size',
        'backup',
        'restore (verify+load+check)',
        'refuse 1 flipped byte',
      ],
      figures.map((f) => [
        f.engine,
        f.rows.toLocaleString('en-GB'),
        f.records.toLocaleString('en-GB'),
        f.events.toLocaleString('en-GB'),
        f.audit.toLocaleString('en-GB'),
        formatBytes(f.backupBytes),
        `${f.backupS.toFixed(1)} s (${mbps(f.backupBytes, f.backupS)} MB/s)`,
        `${f.restoreS.toFixed(1)} s (${mbps(f.backupBytes, f.restoreS)} MB/s)`,
        `${f.refuseS.toFixed(1)} s`,
      ]),
    )}`,
  );
  process.stdout.write(
    `(seeding took ${figures.map((f) => `${f.engine} ${f.seedS.toFixed(0)} s`).join(', ')})\n`,
  );
  return { ok: failures.length === 0, failures };
}
