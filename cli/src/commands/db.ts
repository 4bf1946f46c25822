import type { Command } from 'commander';
import { withRuntime } from '../runtime';

/** `lantern db migrate` (offline): creates the data directory if there is none. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database administration (offline)');
  db.command('migrate')
    .description('Apply the SQL migrations in server/src/db/migrations that are not applied yet')
    .action(async () => {
      await withRuntime(
        async (runtime) => {
          await runtime.database.migrate();
          process.stdout.write(`Migrations applied (${runtime.database.engine}).\n`);
        },
        { migrate: false, createDataDir: true },
      );
    });
}
