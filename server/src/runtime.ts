import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock';
import { type AuditKeys, openAuditKeys } from './platform/audit/checkpoints';
import { type KeyProvider, openKeyProvider } from './platform/crypto';

export interface Runtime {
  database: Database;
  keys: KeyProvider;
  auditKeys: AuditKeys;
  close(): Promise<void>;
}

/**
 * Opens what every entry point needs (server and CLI alike): the data-dir lock, the database,
 * migrations applied. Closing releases them in reverse order.
 */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const lock: DataDirLock = acquireDataDirLock(config.dataDir);
  try {
    const pgliteDir = path.join(config.dataDir, 'pglite');
    if (!config.databaseUrl) fs.mkdirSync(pgliteDir, { recursive: true, mode: 0o700 });
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir });
    if (options.migrate !== false) await database.migrate();
    const keys = openKeyProvider({
      masterKey: config.masterKey,
      keyDir: config.keyDir,
      dataDir: config.dataDir,
    });
    const auditKeys = openAuditKeys(config.keyDir);
    return {
      database,
      keys,
      auditKeys,
      async close() {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
