import type { Command } from 'commander';
import { loadConfig } from '../../../server/src/config';
import { serve } from '../../../server/src/serve';
import { packageVersion } from '../../../server/src/version';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the Lantern server (PORT, LANTERN_DATA_DIR, DATABASE_URL from the environment)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(async (options: { port?: string }) => {
      const env = options.port ? { ...process.env, PORT: options.port } : process.env;
      await serve(loadConfig(env, packageVersion));
    });
}
