import type { Config } from './config';
import type { Database } from './db/client';
import type { AuditKeys } from './platform/audit/checkpoints';
import type { Clock } from './platform/clock';
import type { KeyProvider } from './platform/crypto';

/** What the app is built from: passed explicitly, so tests build an app on their own database and clock. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  /** Master-key provider for field encryption (file, env, or a KMS behind the same interface). */
  keys: KeyProvider;
  /** Audit checkpoint signer and witness file, outside the database. */
  auditKeys: AuditKeys;
}
