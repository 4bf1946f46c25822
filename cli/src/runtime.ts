import { loadConfig } from '../../server/src/config';
import { openRuntime, type Runtime } from '../../server/src/runtime';
import { packageVersion } from '../../server/src/version';

/** Opens the configured database (taking the data-dir lock), runs `work`, and always closes. */
export async function withRuntime<T>(
  work: (runtime: Runtime, config: ReturnType<typeof loadConfig>) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(process.env, packageVersion);
  const runtime = await openRuntime(config, options);
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
  }
}
