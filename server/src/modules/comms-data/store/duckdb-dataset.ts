import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type {
  CellSiteImportResult,
  CoLocatedNumber,
  CoLocatedPair,
  CoLocationOptions,
  CommsEvent,
  DatasetStats,
  DatasetStore,
  EdgeBatch,
  EventPage,
  ImportOptions,
  ImportResult,
  PairEventsOptions,
  RepeatedCoLocationOptions,
  Scope,
  Timeline,
  TimelineOptions,
} from './analytics-store.types.js';
import { readMeta } from './dataset-meta.js';
import { IdleGate } from './idle-gate.js';
import { importCellSites } from './import/import-cell-sites.js';
import { importFiles } from './import/import-files.js';
import type { ProviderProfile } from './provider-profile.schema.js';
import { coLocation, repeatedCoLocation } from './queries/co-location.query.js';
import { lookupIds, lookupNumbers, numberCount } from './queries/numbers.query.js';
import { firstEvents, pairEvents } from './queries/pair-events.query.js';
import { stats } from './queries/stats.query.js';
import { streamPairs } from './queries/stream-pairs.js';
import { timeline } from './queries/timeline.query.js';

/** Idle read connections kept per dataset (a query reuses one instead of connecting afresh). */
const MAX_IDLE = 4;

/**
 * The memory limit set for a moment after a write: DuckDB evicts every unpinned block to meet it
 * (and, when it cannot, still evicts what it can before refusing the limit).
 */
const EVICT_TO = '1MiB';

/**
 * One dataset's DuckDB database. Reads reuse a small pool of idle connections (a streaming result
 * takes its own); writes take a fresh connection (an import changes session settings) and are
 * queued so one import runs at a time. After a write, once no query runs, the blocks it left in
 * DuckDB's buffer pool are evicted (see {@link evictCachedBlocks}).
 */
export class DuckDbDataset implements DatasetStore {
  private writes: Promise<unknown> = Promise.resolve();
  private idle: DuckDBConnection[] = [];
  private closed = false;
  private readonly gate = new IdleGate();
  /** Why the database must not be used any more (set only if an eviction cannot restore the limit). */
  private unusable: string | null = null;

  /** `memoryLimit`: the database's configured limit in DuckDB's syntax (e.g. '5957MiB'). */
  constructor(
    readonly datasetId: string,
    private readonly instance: () => Promise<DuckDBInstance>,
    private readonly defaultRejectsPath: string,
    private readonly memoryLimit: string,
  ) {}

  /**
   * Counts the caller in the gate. A closed dataset refuses: the store hands out a new object for
   * the same id, and two objects on one database would each run evictions the other's queries do
   * not wait for.
   */
  private async enter(): Promise<void> {
    if (this.closed) throw new Error(`dataset '${this.datasetId}' was closed; ask the store for it again`);
    await this.gate.enter();
    if (this.unusable) {
      this.gate.leave();
      throw new Error(`dataset '${this.datasetId}' is unusable until reopened: ${this.unusable}`);
    }
  }

  private async read<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.enter();
    let connection: DuckDBConnection | undefined;
    let reusable = false;
    try {
      connection = this.idle.pop() ?? (await (await this.instance()).connect());
      const result = await fn(connection);
      reusable = !this.closed && this.idle.length < MAX_IDLE;
      return result;
    } finally {
      if (reusable) this.idle.push(connection!);
      else connection?.closeSync();
      this.gate.leave();
    }
  }

  private async fresh<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.enter();
    try {
      const connection = await (await this.instance()).connect();
      try {
        return await fn(connection);
      } finally {
        connection.closeSync();
      }
    } finally {
      this.gate.leave();
    }
  }

  /**
   * Runs `fn` once the writes queued before it have ended. Aborting `signal` while it waits in the
   * queue rejects at once (it will not start); once started, `fn` itself answers the signal.
   */
  private write<T>(fn: (c: DuckDBConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let started = false;
    // The eviction is asked for before the caller resumes, so the caller's next query waits for it.
    const next = this.writes
      .then(() => {
        started = true;
        if (signal?.aborted) throw signal.reason;
        return this.fresh(fn);
      })
      .finally(() => this.gate.whenIdle(() => this.evictCachedBlocks()));
    this.writes = next.catch(() => undefined);
    if (!signal) return next;
    return new Promise<T>((resolve, reject) => {
      const whileQueued = () => {
        if (!started) reject(signal.reason);
      };
      signal.addEventListener('abort', whileQueued, { once: true });
      next.then(resolve, reject).finally(() => signal.removeEventListener('abort', whileQueued));
    });
  }

  /**
   * Hands the blocks a write left in DuckDB's buffer pool back to the operating system. DuckDB
   * keeps the blocks an import wrote and read, up to its memory limit (a quarter of RAM): 760 MB
   * after importing the 10 M records of the M benchmark, which queries do not read next and which
   * a server that opened the same file afresh would not hold. DuckDB has no statement that evicts
   * its cache, so the limit is lowered for a moment and restored; the gate runs this only while no
   * query runs, and holds new ones until the limit is back. A query reads what it needs back in.
   */
  private async evictCachedBlocks(): Promise<void> {
    if (this.closed) return;
    let connection: DuckDBConnection;
    try {
      connection = await (await this.instance()).connect();
    } catch {
      return; // the database is closing: nothing to hand back
    }
    try {
      // Refused when pinned memory exceeds it, after evicting what DuckDB could: that is enough.
      await connection.run('SET memory_limit = $1', [EVICT_TO]).catch(() => undefined);
      await connection.run('SET memory_limit = $1', [this.memoryLimit]);
    } catch (error) {
      // Not seen; without it every query would run under the lowered limit and fail obscurely.
      this.unusable = `its memory limit could not be restored (${error instanceof Error ? error.message : error})`;
    } finally {
      connection.closeSync();
    }
  }

  /** Waits for a running eviction and closes the idle connections; before the instance is closed. */
  async closeIdle(): Promise<void> {
    this.closed = true;
    await this.gate.close();
    for (const c of this.idle.splice(0)) c.closeSync();
  }

  importFiles(files: string[], profile: ProviderProfile, options: ImportOptions = {}): Promise<ImportResult> {
    return this.write(
      (c) => importFiles(c, files, profile, options.rejectsPath ?? this.defaultRejectsPath, options),
      options.signal,
    );
  }

  importCellSites(file: string, options: { delimiter?: string } = {}): Promise<CellSiteImportResult> {
    return this.write((c) => importCellSites(c, file, options.delimiter));
  }

  /** The first value of a query's first row (waits for a running eviction, like every query). */
  scalar(sql: string, values?: string[]): Promise<unknown> {
    return this.read(async (c) => (await c.runAndReadAll(sql, values)).getRows()[0]![0]);
  }

  dataVersion(): Promise<number> {
    return this.read((c) => readMeta(c, 'data_version'));
  }

  async *streamPairs(scope?: Scope, batchSize?: number): AsyncIterable<EdgeBatch> {
    await this.enter();
    try {
      const connection = await (await this.instance()).connect();
      yield* streamPairs(connection, scope, batchSize);
    } finally {
      this.gate.leave();
    }
  }

  numberCount(): Promise<number> {
    return this.read(numberCount);
  }

  lookupIds(numbers: readonly string[]): Promise<Map<string, number>> {
    return this.read((c) => lookupIds(c, numbers));
  }

  lookupNumbers(ids: ArrayLike<number>): Promise<string[]> {
    return this.read((c) => lookupNumbers(c, ids));
  }

  pairEvents(a: string, b: string, scope?: Scope, options?: PairEventsOptions): Promise<EventPage> {
    return this.read((c) => pairEvents(c, a, b, scope, options));
  }

  firstEvents(limit: number): Promise<CommsEvent[]> {
    return this.read((c) => firstEvents(c, limit));
  }

  timeline(number: string, scope?: Scope, options?: TimelineOptions): Promise<Timeline> {
    return this.read((c) => timeline(c, number, scope, options));
  }

  coLocation(number: string, options: CoLocationOptions): Promise<CoLocatedNumber[]> {
    return this.read((c) => coLocation(c, number, options));
  }

  repeatedCoLocation(options: RepeatedCoLocationOptions): Promise<CoLocatedPair[]> {
    return this.read((c) => repeatedCoLocation(c, options));
  }

  stats(scope?: Scope): Promise<DatasetStats> {
    return this.read((c) => stats(c, scope));
  }
}
