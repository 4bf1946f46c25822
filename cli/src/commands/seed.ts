import type { Command } from 'commander';
import { seedDemo } from '../../../server/src/demo/seed';
import { withRuntime } from '../runtime';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Create the demo data (one user per role) unless it exists already')
    .action(async () => {
      await withRuntime(async (runtime, config) => {
        const result = await seedDemo(runtime.database.db, { password: config.demoPassword });
        if (!result.seeded) {
          process.stdout.write('Demo data is already there; nothing changed.\n');
          return;
        }
        process.stdout.write(`Demo users created: ${result.usernames.join(', ')}\n`);
        process.stdout.write(
          result.generatedPassword
            ? `Demo password (generated, shown once): ${result.generatedPassword}\n`
            : 'Demo password: the value of LANTERN_DEMO_PASSWORD.\n',
        );
      });
    });
}
