import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { serve } from './serve';
import { packageVersion } from './version';
import { requireNode } from '../../scripts/require-node.mjs';

requireNode();
try {
  await serve(loadConfig(process.env, packageVersion));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`lantern: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
