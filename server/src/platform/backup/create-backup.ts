import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../../config';
import { openDatabase } from '../../db/client';
import { acquireDataDirLock } from '../../db/data-dir-lock';
import { AppError } from '../errors/index';
import { dataFiles } from './data-files';
import { dumpPglite, dumpPostgres } from './database-dump';
import { databaseState, masterKeyVersionsInUse } from './database-state';
import { copyAndHash, formatBytes, fsyncPath, hashFile, isEmptyDir } from './files';
import { auditPublicKeySha256, keyFiles } from './keys';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  type Manifest,
  type ManifestFile,
} from './manifest';

export interface BackupOptions {
  /** Where the backup goes: a directory that does not exist yet or is empty. */
  to: string;
  /** Copy the key files too (master keys, audit signing key): anyone holding the backup can then read it. */
  includeKeys?: boolean;
  /** One line per step, for people (never a value of the data, never a key). */
  onProgress?: (line: string) => void;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  bytes: number;
  seconds: number;
  /** What was found in the data directory and not backed up, with why (symbolic links, devices). */
  skipped: string[];
}

/** Whether `child` is `parent` or lies under it. */
export function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * `lantern backup --to DIR`: a consistent copy of an installation, taken offline. Holds the data
 * directory's lock throughout (a running server holds it: the backup is refused, naming that
 * process), so no write happens while the database is dumped and the files are copied. The manifest
 * is written last: a backup without one is incomplete and is refused by the restore. On failure the
 * partial backup is removed.
 */
export async function createBackup(config: Config, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const say = options.onProgress ?? (() => {});
  const dir = resolve(options.to);
  for (const [what, root] of [
    ['data', config.dataDir],
    ['key', config.keyDir],
  ] as const)
    if (inside(root, dir))
      throw new AppError(
        'VALIDATION_FAILED',
        `The backup cannot go inside the ${what} directory (${root}).`,
        {
          fields: [{ path: 'to', message: `is inside the ${what} directory` }],
        },
      );
  if (!(await isEmptyDir(dir)))
    throw new AppError(
      'CONFLICT',
      `${dir} exists and is not empty: a backup goes into a new or empty directory.`,
      {
        fields: [{ path: 'to', message: 'is not empty' }],
      },
    );
  const pgliteDir = join(config.dataDir, 'pglite');
  if (!config.databaseUrl && !existsSync(pgliteDir))
    throw new AppError('NOT_FOUND', `No database at ${pgliteDir}: nothing to back up.`);

  const lock = acquireDataDirLock(config.dataDir);
  const createdDir = !existsSync(dir);
  try {
    await mkdir(join(dir, 'database'), { recursive: true, mode: 0o700 });
    const files: ManifestFile[] = [];
    let bytes = 0;
    const add = (path: string, digest: { size: number; sha256: string }) => {
      files.push({ path, ...digest });
      bytes += digest.size;
    };

    say(`Reading the database (${config.databaseUrl ? 'PostgreSQL server' : 'PGlite'})…`);
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir });
    const [state, masterKeyVersions] = await (async () => {
      try {
        return [await databaseState(database.db), await masterKeyVersionsInUse(database.db)] as const;
      } finally {
        await database.close();
      }
    })();
    const rows = Object.values(state.tables).reduce((sum, t) => sum + t.rows, 0);
    say(
      `  ${Object.keys(state.tables).length} tables, ${rows} rows; migrations applied: ${state.migrations.applied}` +
        ` (last ${state.migrations.latest ?? 'none'})`,
    );

    const dumpPath = config.databaseUrl ? 'database/lantern.pgdump' : 'database/pglite.tar';
    say(`Dumping the database to ${dumpPath}…`);
    if (config.databaseUrl) {
      const { tool } = await dumpPostgres(config.databaseUrl, join(dir, dumpPath));
      say(`  with ${tool}`);
    } else await dumpPglite(pgliteDir, join(dir, dumpPath));
    add(dumpPath, await hashFile(join(dir, dumpPath)));
    say(`  ${dumpPath} ${formatBytes(files.at(-1)!.size)}`);

    const skipped: string[] = [];
    const data = await dataFiles(config.dataDir, config.keyDir);
    say(`Copying ${data.filter((f) => f.kind === 'file').length} data files…`);
    for (const entry of data) {
      if (entry.kind !== 'file') {
        skipped.push(`${entry.rel} (${entry.kind === 'symlink' ? 'a symbolic link' : 'not a regular file'})`);
        say(`  skipped ${entry.rel}: not a regular file`);
        continue;
      }
      const path = `data/${entry.rel}`;
      add(path, await copyAndHash(entry.abs, join(dir, path)));
      say(`  ${path} ${formatBytes(files.at(-1)!.size)}`);
    }

    if (options.includeKeys) {
      const keys = await keyFiles(config.keyDir);
      say(`Copying ${keys.length} key files from ${config.keyDir} (--include-keys)…`);
      for (const entry of keys)
        add(`keys/${entry.rel}`, await copyAndHash(entry.abs, join(dir, 'keys', entry.rel)));
    }

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      lanternVersion: config.version,
      createdAt: new Date().toISOString(),
      engine: config.databaseUrl ? 'postgres' : 'pglite',
      database: {
        file: dumpPath,
        kind: config.databaseUrl ? 'pg-dump-custom' : 'pglite-datadir',
        serverVersion: state.serverVersion,
        migrations: state.migrations,
        tables: state.tables,
        sequences: state.sequences,
      },
      keys: {
        included: options.includeKeys === true,
        masterKeyVersions: masterKeyVersions,
        auditPublicKeySha256: auditPublicKeySha256(config.keyDir),
      },
      files,
    };
    const temp = join(dir, `.${MANIFEST_FILE}.tmp`);
    await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await fsyncPath(temp);
    await rename(temp, join(dir, MANIFEST_FILE));
    await fsyncPath(dir);
    const seconds = (performance.now() - started) / 1000;
    say(
      `Backup complete: ${files.length} files, ${formatBytes(bytes)} in ${seconds.toFixed(1)} s, manifest ${MANIFEST_FILE}.`,
    );
    return { dir, manifest, bytes, seconds, skipped };
  } catch (error) {
    // No half backup is left behind to be mistaken for one (only what this run made is removed).
    if (createdDir) await rm(dir, { recursive: true, force: true });
    else if ((await stat(dir).catch(() => undefined))?.isDirectory())
      for (const name of ['database', 'data', 'keys', `.${MANIFEST_FILE}.tmp`])
        await rm(join(dir, name), { recursive: true, force: true });
    throw error;
  } finally {
    lock.release();
  }
}
