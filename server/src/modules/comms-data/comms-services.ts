import { readdirSync, rmSync, statSync } from 'node:fs';
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

/** When this process started (uploads older than it belong to an earlier process). */
const PROCESS_STARTED_AT = new Date(performance.timeOrigin);

/**
 * Removes the API uploads an earlier process left in `uploads/` (each up to 2 GiB: a server killed
 * during an upload or its import never removed it). Only files last written before this process
 * started: one process holds the data directory (data-dir lock), so an older file belongs to no
 * running import, and this process's own uploads are all newer. Best effort: a file that cannot be
 * removed is left for the next start.
 */
export function sweepUploads(uploadsDir: string, processStartedAt: Date): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(uploadsDir);
  } catch {
    return 0; // no uploads yet
  }
  for (const name of names) {
    const path = join(uploadsDir, name);
    try {
      const s = statSync(path);
      if (!s.isFile() || s.mtimeMs >= processStartedAt.getTime()) continue;
      rmSync(path, { force: true });
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/**
 * `$LANTERN_DATA_DIR/comms`: the DuckDB files, graph snapshots, uploads and rejects files. Opening
 * sweeps the uploads an earlier process left behind ({@link sweepUploads}).
 */
export function openCommsServices(
  database: Database,
  clock: Clock,
  dataDir: string,
  options: { processStartedAt?: Date } = {},
): CommsServices {
  const dir = join(dataDir, 'comms');
  sweepUploads(join(dir, 'uploads'), options.processStartedAt ?? PROCESS_STARTED_AT);
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
