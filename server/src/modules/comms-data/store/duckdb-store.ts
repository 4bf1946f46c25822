import { mkdir, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AnalyticsStore, DatasetStore } from './analytics-store.types.js';
import { ensureSchema } from './ensure-schema.js';
import { DuckDbDataset } from './duckdb-dataset.js';

const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export interface DuckDbStoreOptions {
  /**
   * Most memory one dataset's DuckDB may hold (its buffer pool: caches, sorts, hash tables; beyond
   * it, sorts and joins spill to `<file>.tmp`). DuckDB's own default is 80 % of RAM per database,
   * so two open datasets could take the whole machine from the server and its graphs. Default: a
   * quarter of RAM, at least 1 GiB.
   */
  memoryLimitBytes?: number;
}

export function defaultMemoryLimitBytes(): number {
  return Math.max(2 ** 30, Math.floor(totalmem() / 4));
}

/**
 * AnalyticsStore on embedded DuckDB: one database file per dataset at `<dir>/<datasetId>.duckdb`
 * (Lantern uses `$LANTERN_DATA_DIR/comms/`). Instances are opened on first use, cached, and closed
 * by `close()`. DuckDB lets one process hold a file for writing, so one store per process.
 */
export class DuckDbStore implements AnalyticsStore {
  private readonly instances = new Map<string, Promise<DuckDBInstance>>();
  private readonly datasets = new Map<string, DuckDbDataset>();

  /** The per-dataset memory limit in DuckDB's syntax (e.g. '5957MiB'). */
  private readonly memoryLimit: string;

  constructor(
    private readonly dir: string,
    options: DuckDbStoreOptions = {},
  ) {
    const bytes = options.memoryLimitBytes ?? defaultMemoryLimitBytes();
    this.memoryLimit = `${Math.floor(bytes / 2 ** 20)}MiB`;
  }

  /** The file holding a dataset; ids are restricted so they cannot escape the directory. */
  pathOf(datasetId: string): string {
    if (!DATASET_ID.test(datasetId)) throw new Error(`invalid dataset id '${datasetId}'`);
    return join(this.dir, `${datasetId}.duckdb`);
  }

  dataset(datasetId: string): DatasetStore {
    return this.datasetOf(datasetId);
  }

  private datasetOf(datasetId: string): DuckDbDataset {
    const path = this.pathOf(datasetId);
    let ds = this.datasets.get(datasetId);
    if (!ds) {
      ds = new DuckDbDataset(
        datasetId,
        () => this.open(datasetId, path),
        join(this.dir, `${datasetId}.rejects.csv`),
        this.memoryLimit,
      );
      this.datasets.set(datasetId, ds);
    }
    return ds;
  }

  private open(datasetId: string, path: string): Promise<DuckDBInstance> {
    let pending = this.instances.get(datasetId);
    if (!pending) {
      pending = (async () => {
        await mkdir(this.dir, { recursive: true });
        const instance = await DuckDBInstance.create(path, { memory_limit: this.memoryLimit });
        const connection = await instance.connect();
        try {
          await ensureSchema(connection);
        } finally {
          connection.closeSync();
        }
        return instance;
      })();
      pending.catch(() => this.instances.delete(datasetId));
      this.instances.set(datasetId, pending);
    }
    return pending;
  }

  /** A DuckDB setting of a dataset's open database, as DuckDB reports it (e.g. 'memory_limit'). */
  async setting(datasetId: string, name: string): Promise<string> {
    return String(await this.scalar(datasetId, 'SELECT current_setting($1)', [name]));
  }

  /** Bytes DuckDB's buffer manager holds for a dataset's open database (cached blocks, hash tables…). */
  async memoryInUse(datasetId: string): Promise<number> {
    return Number(await this.scalar(datasetId, 'SELECT sum(memory_usage_bytes) FROM duckdb_memory()'));
  }

  private scalar(datasetId: string, sql: string, values?: string[]): Promise<unknown> {
    return this.datasetOf(datasetId).scalar(sql, values);
  }

  private async closeDataset(datasetId: string): Promise<void> {
    // The dataset first: it waits for an eviction still using the instance.
    await this.datasets.get(datasetId)?.closeIdle();
    this.datasets.delete(datasetId);
    const pending = this.instances.get(datasetId);
    this.instances.delete(datasetId);
    if (pending) (await pending.catch(() => null))?.closeSync();
  }

  async deleteDataset(datasetId: string): Promise<void> {
    const path = this.pathOf(datasetId);
    await this.closeDataset(datasetId);
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  }

  async close(): Promise<void> {
    for (const id of [...this.instances.keys()]) await this.closeDataset(id);
  }
}
