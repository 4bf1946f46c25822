import fs from 'node:fs';
import type { Config } from '#server/config';
import type { Runtime } from '#server/runtime';
import { CliError } from './api/cli-error';

export interface OfflineOptions {
  /** Apply pending migrations on opening (default true; `db migrate` applies them itself). */
  migrate?: boolean;
  /**
   * Create the data directory when there is none. Only `serve`, `db migrate` and `seed` do: any
   * other offline command run where no installation is refuses, instead of leaving a stray `./data`.
   */
  createDataDir?: boolean;
}

/** The refusal of an offline command run where no data directory exists. */
export function noDataDirectory(dataDir: string): CliError {
  return new CliError(
    'NOT_FOUND',
    `No Lantern data directory at ${dataDir}. Set LANTERN_DATA_DIR to the installation's data directory ` +
      '(this command never creates one; `lantern db migrate`, `lantern seed` and `lantern serve` do).',
  );
}

/** The configuration of an offline command (the server's own, from the environment). */
export async function offlineConfig(options: Pick<OfflineOptions, 'createDataDir'> = {}): Promise<Config> {
  const [{ loadConfig }, { packageVersion }] = await Promise.all([
    import('#server/config'),
    import('#server/version'),
  ]);
  const config = loadConfig(process.env, packageVersion);
  if (!options.createDataDir && !fs.existsSync(config.dataDir)) throw noDataDirectory(config.dataDir);
  return config;
}

/**
 * Runs an offline admin command: takes the data directory's lock, opens the database (migrated
 * unless told not to), runs `work`, and always closes. The server code is loaded only here, so the
 * commands that talk to a running server start without it.
 */
export async function withRuntime<T>(
  work: (runtime: Runtime, config: Config) => Promise<T>,
  options: OfflineOptions = {},
): Promise<T> {
  const config = await offlineConfig(options);
  const { openRuntime } = await import('#server/runtime');
  const runtime = await openRuntime(
    config,
    options.migrate === undefined ? {} : { migrate: options.migrate },
  );
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
  }
}
