import type { Command } from 'commander';
import { withRuntime } from '../runtime';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('Encryption keys (offline)');
  keys
    .command('rotate')
    .description('Create a new master key and re-wrap every data key under it (field data is not decrypted)')
    .option('--resume', 'finish an interrupted rotation without creating yet another key version')
    .action(async (options: { resume?: boolean }) => {
      const { rotateMasterKey } = await import('#server/platform/crypto/index');
      const { PgDataKeyStore } = await import('#server/platform/crypto/pg-data-key-store');
      const result = await withRuntime((runtime) =>
        rotateMasterKey(runtime.keys, new PgDataKeyStore(runtime.database.db), {
          createNewVersion: !options.resume,
        }),
      );
      process.stdout.write(
        `Master key version ${result.toVersion} is active: ${result.rewrapped} data keys re-wrapped, ` +
          `${result.alreadyCurrent} already current, ${result.conflicts} changed concurrently (of ${result.total}).\n`,
      );
    });
}
