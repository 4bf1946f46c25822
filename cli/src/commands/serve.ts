import type { Command } from 'commander';
import { offlineConfig } from '../runtime';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the Lantern server (PORT, LANTERN_DATA_DIR, DATABASE_URL from the environment)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(async (options: { port?: string }) => {
      if (options.port) process.env.PORT = options.port;
      const { serve } = await import('#server/serve');
      await serve(await offlineConfig({ createDataDir: true }));
    });
}
