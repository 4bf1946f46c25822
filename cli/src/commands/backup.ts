import path from 'node:path';
import type { Command } from 'commander';
import { offlineConfig } from '../runtime';
import { registerRestoreCommand } from './restore';

export const includeKeysWarning =
  'WARNING: --include-keys: this backup will hold the master keys and the audit signing key. Anyone who ' +
  'holds it can decrypt every protected field and sign audit checkpoints. Keep it apart from backups ' +
  'without keys, encrypted, and under the same control as the key directory itself.\n';

/**
 * `lantern backup --to DIR` and `lantern restore --from DIR` (offline, ADR 0024): the data
 * directory's lock is taken, so a running server makes them refuse, naming its process.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Copy the installation into a new directory: the database (PGlite dump or pg_dump), the comms-data ' +
        'files and a manifest with every file’s size and SHA-256. Keys only with --include-keys',
    )
    .requiredOption('--to <dir>', 'the backup directory (new, or empty)')
    .option('--include-keys', 'also copy the master keys and the audit signing key (printed warning)')
    .action(async (options: { to: string; includeKeys?: boolean }) => {
      const config = await offlineConfig();
      const { createBackup, formatBytes } = await import('#server/platform/backup/index');
      if (options.includeKeys) {
        process.stderr.write(includeKeysWarning);
        if (config.masterKey)
          process.stderr.write(
            'Note: the master key comes from LANTERN_MASTER_KEY, which is not a file: it is not in the backup.\n',
          );
      }
      const result = await createBackup(config, {
        to: path.resolve(options.to),
        includeKeys: options.includeKeys === true,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      const m = result.manifest;
      const rows = Object.values(m.database.tables).reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(
        `Backup written to ${result.dir}: ${m.files.length} files, ${formatBytes(result.bytes)}, ` +
          `${rows} database rows (${m.engine}, migration ${m.database.migrations.latest ?? 'none'}), ` +
          `keys ${m.keys.included ? 'INCLUDED' : 'not included'}; ${result.seconds.toFixed(1)} s.\n`,
      );
      for (const skipped of result.skipped) process.stdout.write(`  not backed up: ${skipped}\n`);
    });
  registerRestoreCommand(program);
}
