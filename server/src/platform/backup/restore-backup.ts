import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config';
import { openDatabase } from '../../db/client';
import { acquireDataDirLock } from '../../db/data-dir-lock';
import { verifyAuditTrail } from '../audit/checkpoints';
import type { VerifyResult } from '../audit/chain';
import { openKeyProvider } from '../crypto/index';
import { AppError } from '../errors/index';
import { inside } from './create-backup';
import { keyDirInside } from './data-files';
import { clearPostgres, loadPglite, loadPostgres, postgresIsEmpty } from './database-dump';
import { databaseState, migrationLevel, shippedMigrations, stateDifferences } from './database-state';
import { copyAndHash, formatBytes } from './files';
import { checkDataKeysOpen, checkTargetKeys, writeKeyFiles } from './keys';
import type { Manifest } from './manifest';
import { verifyBackup } from './verify-backup';

export interface RestoreOptions {
  /** The backup directory (`lantern backup --to`). */
  from: string;
  /** Replace what the target data directory (and server database) holds; the key directory is kept. */
  force?: boolean;
  onProgress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  bytes: number;
  seconds: number;
  /** The migration level after the restore (the backup's, plus what this version applied). */
  migrations: { applied: number; latest: string | null };
  /** `lantern audit verify` on the restored installation. */
  audit: VerifyResult;
}

/** The target engine must be the backup's: a PGlite tar is not loaded into a server, nor the reverse. */
function checkCompatible(manifest: Manifest, config: Config): void {
  const target = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== target)
    throw new AppError(
      'RULE_VIOLATION',
      `This backup is of a ${manifest.engine === 'pglite' ? 'PGlite (embedded) database' : 'PostgreSQL server database'}, ` +
        `and the target is ${target === 'pglite' ? 'PGlite (DATABASE_URL is not set)' : 'a PostgreSQL server (DATABASE_URL)'}: ` +
        'restore into the same kind of database it was taken from.',
    );
  const latest = manifest.database.migrations.latest;
  if (latest !== null && !shippedMigrations().some((m) => m.tag === latest))
    throw new AppError(
      'RULE_VIOLATION',
      `This backup was made by a newer Lantern (${manifest.lanternVersion}; its schema is at migration ${latest}, ` +
        `which this version ${config.version} does not know): restore it with that version or a later one.`,
    );
}

/** The data directory's entries a restore may find and keep: the lock and the key directory. */
function keptEntries(config: Config): Set<string> {
  const keep = new Set(['lantern.lock']);
  const keysRel = keyDirInside(config.dataDir, config.keyDir);
  if (keysRel) keep.add(keysRel.split('/')[0]!);
  return keep;
}

/** Removes what a restore writes (data and database), never the lock or the keys. */
async function clearTarget(config: Config): Promise<void> {
  const keep = keptEntries(config);
  for (const name of await readdir(config.dataDir))
    if (!keep.has(name)) await rm(join(config.dataDir, name), { recursive: true, force: true });
  if (config.databaseUrl) await clearPostgres(config.databaseUrl);
}

/**
 * `lantern restore --from DIR`: verifies every file of the backup against its manifest first
 * (refusing, naming the file, a changed, missing or extra one), refuses a target that holds data
 * unless `force`, checks that the target's keys open the backup, then loads the database, copies
 * the files (hashed again as they are copied), checks every table against the manifest, applies
 * this version's pending migrations, proves the data keys open and verifies the audit log.
 */
export async function restoreBackup(config: Config, options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const say = options.onProgress ?? (() => {});
  const from = options.from;
  if (inside(config.dataDir, from))
    throw new AppError('VALIDATION_FAILED', 'The backup to restore lies inside the target data directory.', {
      fields: [{ path: 'from', message: 'is inside the data directory' }],
    });
  const manifest = await verifyBackup(from, say);
  checkCompatible(manifest, config);
  // Before the lock (which makes the data directory): a refused restore leaves nothing behind.
  checkTargetKeys(manifest, from, { keyDir: config.keyDir, masterKeyFromEnv: Boolean(config.masterKey) });

  const lock = acquireDataDirLock(config.dataDir);
  try {
    const keep = keptEntries(config);
    const holds = (await readdir(config.dataDir)).filter((name) => !keep.has(name));
    const serverHolds = config.databaseUrl ? !(await postgresIsEmpty(config.databaseUrl)) : false;
    if ((holds.length > 0 || serverHolds) && !options.force)
      throw new AppError(
        'CONFLICT',
        `The target is not empty (${[
          ...(holds.length > 0
            ? [`${config.dataDir} holds ${holds.slice(0, 3).join(', ')}${holds.length > 3 ? ', …' : ''}`]
            : []),
          ...(serverHolds ? ['the server database holds tables'] : []),
        ].join('; ')}): restore into an empty data directory, or give --force to replace what it holds ` +
          '(the key directory is kept).',
      );
    if (holds.length > 0 || serverHolds) {
      say('Replacing what the target holds (--force)…');
      await clearTarget(config);
    }

    try {
      if (manifest.keys.included) {
        const keyFiles = [];
        for (const f of manifest.files.filter((file) => file.path.startsWith('keys/'))) {
          const data = await readFile(join(from, f.path));
          if (createHash('sha256').update(data).digest('hex') !== f.sha256)
            throw new AppError(
              'VALIDATION_FAILED',
              `The backup is refused: ${join(from, f.path)} changed during the restore.`,
            );
          keyFiles.push({ name: f.path.slice('keys/'.length), data });
        }
        say(`Writing ${writeKeyFiles(keyFiles, config.keyDir)} key files into ${config.keyDir}…`);
      }

      say(`Loading the database (${manifest.database.file})…`);
      const dump = join(from, manifest.database.file);
      if (config.databaseUrl) await loadPostgres(dump, config.databaseUrl);
      else await loadPglite(dump, join(config.dataDir, 'pglite'));

      const data = manifest.files.filter((f) => f.path.startsWith('data/'));
      say(`Copying ${data.length} data files…`);
      for (const f of data) {
        const copied = await copyAndHash(
          join(from, f.path),
          join(config.dataDir, f.path.slice('data/'.length)),
        );
        if (copied.sha256 !== f.sha256)
          throw new AppError(
            'VALIDATION_FAILED',
            `The backup is refused: ${join(from, f.path)} changed during the restore.`,
          );
      }
    } catch (error) {
      say('The restore failed; removing what it wrote (the key directory is kept).');
      await clearTarget(config).catch(() => undefined);
      throw error;
    }

    const database = await openDatabase({
      url: config.databaseUrl,
      pgliteDir: join(config.dataDir, 'pglite'),
    });
    try {
      say('Checking every table against the manifest…');
      const differences = stateDifferences(manifest.database, await databaseState(database.db));
      if (differences.length > 0)
        throw new AppError(
          'INTERNAL',
          `The restored database does not match the backup: ${differences.slice(0, 5).join('; ')}.`,
        );
      const rows = Object.values(manifest.database.tables).reduce((sum, t) => sum + t.rows, 0);
      say(`  ${Object.keys(manifest.database.tables).length} tables, ${rows} rows as backed up.`);
      await database.migrate();
      const migrations = await migrationLevel(database.db);
      say(`Migrations applied: ${migrations.applied} (last ${migrations.latest ?? 'none'}).`);
      const keys = openKeyProvider({
        dataDir: config.dataDir,
        keyDir: config.keyDir,
        ...(config.masterKey ? { masterKey: config.masterKey } : {}),
      });
      await checkDataKeysOpen(database.db, keys, manifest.keys.masterKeyVersions);
      const audit = await verifyAuditTrail(database.db, config.keyDir);
      const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
      const seconds = (performance.now() - started) / 1000;
      say(
        `Restore complete: ${manifest.files.length} files, ${formatBytes(bytes)} in ${seconds.toFixed(1)} s.`,
      );
      return { manifest, bytes, seconds, migrations, audit };
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}
