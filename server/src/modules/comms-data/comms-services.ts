import { join } from 'node:path';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { GraphCache } from './graph-cache/graph-cache';
import { ImportJobs } from './import-jobs';
import { WatchlistIndexes } from './graph-cache/watchlist-indexes';
import { DuckDbStore } from './store/index.js';

/** What the comms module's use cases run on, opened once per process (server or CLI). */
export interface CommsServices {
  db: Database['db'];
  clock: Clock;
  dir: string;
  store: DuckDbStore;
  graphs: GraphCache;
  watchlists: WatchlistIndexes;
  imports: ImportJobs;
  close(): Promise<void>;
}

/** `$LANTERN_DATA_DIR/comms`: the DuckDB files, graph snapshots, uploads and rejects files. */
export function openCommsServices(database: Database, clock: Clock, dataDir: string): CommsServices {
  const dir = join(dataDir, 'comms');
  const store = new DuckDbStore(dir);
  const imports = new ImportJobs(clock);
  return {
    db: database.db,
    clock,
    dir,
    store,
    graphs: new GraphCache(store, dir),
    watchlists: new WatchlistIndexes(),
    imports,
    async close() {
      await imports.drain();
      await store.close();
    },
  };
}
