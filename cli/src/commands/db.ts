import type { Command } from 'commander';
import { withRuntime } from '../runtime';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database administration');
  db.command('migrate')
    .description('Apply the SQL migrations in server/src/db/migrations that are not applied yet')
    .action(async () => {
      await withRuntime(
        async (runtime) => {
          await runtime.database.migrate();
          process.stdout.write(`Migrations applied (${runtime.database.engine}).\n`);
        },
        { migrate: false },
      );
    });
}
