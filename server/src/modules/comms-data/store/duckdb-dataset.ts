import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type {
  CellSiteImportResult,
  CoLocatedNumber,
  CoLocatedPair,
  CoLocationOptions,
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
import { importCellSites } from './import/import-cell-sites.js';
import { importFiles } from './import/import-files.js';
import type { ProviderProfile } from './provider-profile.schema.js';
import { coLocation, repeatedCoLocation } from './queries/co-location.query.js';
import { lookupIds, lookupNumbers, numberCount } from './queries/numbers.query.js';
import { pairEvents } from './queries/pair-events.query.js';
import { stats } from './queries/stats.query.js';
import { streamPairs } from './queries/stream-pairs.js';
import { timeline } from './queries/timeline.query.js';

/** Idle read connections kept per dataset (a query reuses one instead of connecting afresh). */
const MAX_IDLE = 4;

/**
 * One dataset's DuckDB database. Reads reuse a small pool of idle connections (a streaming result
 * takes its own); writes take a fresh connection (an import changes session settings) and are
 * queued so one import runs at a time.
 */
export class DuckDbDataset implements DatasetStore {
  private writes: Promise<unknown> = Promise.resolve();
  private idle: DuckDBConnection[] = [];
  private closed = false;

  constructor(
    readonly datasetId: string,
    private readonly instance: () => Promise<DuckDBInstance>,
    private readonly defaultRejectsPath: string,
  ) {}

  private async read<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await (await this.instance()).connect());
    let reusable = false;
    try {
      const result = await fn(connection);
      reusable = !this.closed && this.idle.length < MAX_IDLE;
      return result;
    } finally {
      if (reusable) this.idle.push(connection);
      else connection.closeSync();
    }
  }

  private async fresh<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await (await this.instance()).connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  private write<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.writes.then(() => this.fresh(fn));
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Closes the idle connections; called before the database instance is closed. */
  closeIdle(): void {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.closeSync();
  }

  importFiles(files: string[], profile: ProviderProfile, options: ImportOptions = {}): Promise<ImportResult> {
    return this.write((c) =>
      importFiles(c, files, profile, options.rejectsPath ?? this.defaultRejectsPath, options),
    );
  }

  importCellSites(file: string, options: { delimiter?: string } = {}): Promise<CellSiteImportResult> {
    return this.write((c) => importCellSites(c, file, options.delimiter));
  }

  dataVersion(): Promise<number> {
    return this.read((c) => readMeta(c, 'data_version'));
  }

  async *streamPairs(scope?: Scope, batchSize?: number): AsyncIterable<EdgeBatch> {
    const connection = await (await this.instance()).connect();
    yield* streamPairs(connection, scope, batchSize);
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
