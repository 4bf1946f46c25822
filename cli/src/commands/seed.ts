import type { Command } from 'commander';
import { withRuntime } from '../runtime';

/** `lantern seed` (offline): creates the data directory if there is none. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Create the demo data (one user per role) unless it exists already (offline)')
    .action(async () => {
      const { seedDemo } = await import('#server/demo/seed');
      await withRuntime(
        async (runtime, config) => {
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
        },
        { createDataDir: true },
      );
    });
}
