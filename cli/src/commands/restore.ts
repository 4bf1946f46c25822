import path from 'node:path';
import type { Command } from 'commander';

/** `lantern restore --from DIR [--to DATA_DIR] [--force]` (registered by backup.ts). */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      'Restore a backup into a data directory (LANTERN_DATA_DIR, or --to) after checking every file against ' +
        'its manifest; then apply migrations and verify the audit log',
    )
    .requiredOption('--from <dir>', 'the backup directory (lantern backup --to)')
    .option('--to <dataDir>', 'the data directory to restore into (default: LANTERN_DATA_DIR)')
    .option(
      '--force',
      'replace what the target data directory and server database hold (the key directory is kept)',
    )
    .action(async (options: { from: string; to?: string; force?: boolean }) => {
      const [{ loadConfig }, { packageVersion }, { restoreBackup, formatBytes }] = await Promise.all([
        import('#server/config'),
        import('#server/version'),
        import('#server/platform/backup/index'),
      ]);
      const env = options.to ? { ...process.env, LANTERN_DATA_DIR: path.resolve(options.to) } : process.env;
      const config = loadConfig(env, packageVersion);
      const result = await restoreBackup(config, {
        from: path.resolve(options.from),
        force: options.force === true,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      const rows = Object.values(result.manifest.database.tables).reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(
        `Restored into ${config.dataDir}: ${result.manifest.files.length} files, ${formatBytes(result.bytes)}, ` +
          `${rows} database rows from the backup of ${result.manifest.createdAt}; migrations applied: ` +
          `${result.migrations.applied} (last ${result.migrations.latest ?? 'none'}); ${result.seconds.toFixed(1)} s.\n`,
      );
      const audit = result.audit;
      if (audit.ok) {
        process.stdout.write(`Audit log OK: ${audit.count} events verified.\n`);
        return;
      }
      process.stdout.write(
        `Audit log FAILED verification at event ${audit.firstBadSeq ?? '?'}: ${audit.reason}` +
          `${audit.detail ? ` (${audit.detail})` : ''}. Events up to ${audit.verifiedUpTo} verified.\n` +
          'The data is restored, but the log does not verify against the key directory: if its witness ' +
          '(audit-witness.json) records a later checkpoint than this backup holds, the events after the ' +
          'backup were lost with the installation — see docs/adr/0024-backup-and-restore.md.\n',
      );
      process.exitCode = 1;
    });
}
