import type { Config } from './config';
import type { Database } from './db/client';
import type { Clock } from './platform/clock';

/** What the app is built from: passed explicitly, so tests build an app on their own database and clock. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
}
