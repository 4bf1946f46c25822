import type { WrappedKey } from './key-provider.js';

/** One record's data key as persisted (e.g. a `record_keys` row keyed by (table, record_id)). */
export interface StoredDataKey {
  readonly table: string;
  readonly recordId: string;
  /** Bound into every field ciphertext's AAD; bumped only if the record is re-keyed. */
  readonly dataKeyVersion: number;
  readonly wrapped: WrappedKey;
}

/**
 * Where wrapped data keys live. The PostgreSQL implementation is a table
 * `record_keys(table_name text, record_id text, data_key_version int, master_version int,
 * wrapped bytea, primary key (table_name, record_id))`.
 */
export interface DataKeyStore {
  get(table: string, recordId: string): Promise<StoredDataKey | undefined>;
  /**
   * Inserts if no key exists for (table, recordId) and returns the row now stored — ours, or the
   * one a concurrent writer inserted first (SQL: `INSERT ... ON CONFLICT DO NOTHING`, then
   * `SELECT`). Never overwrites: overwriting would orphan ciphertexts made with the other key.
   */
  put(key: StoredDataKey): Promise<StoredDataKey>;
  /**
   * Every stored key, for rotation. Must tolerate `replace` while iterating (SQL: keyset paging
   * ordered by (table_name, record_id), not one long cursor over a changing table).
   */
  listAll(): AsyncIterable<StoredDataKey>;
  /**
   * Compare-and-swap of the wrapped key: replaces it only if the stored one still equals
   * `expected` (master version and bytes); returns whether it did. This is what makes rotation
   * safe to interrupt and to run twice. Each call is its own small transaction.
   */
  replace(table: string, recordId: string, expected: WrappedKey, next: WrappedKey): Promise<boolean>;
}

export function sameWrappedKey(a: WrappedKey, b: WrappedKey): boolean {
  return a.masterVersion === b.masterVersion && a.ciphertext.equals(b.ciphertext);
}

/** In-memory `DataKeyStore` for tests and tools. */
export class InMemoryDataKeyStore implements DataKeyStore {
  private readonly rows = new Map<string, StoredDataKey>();

  private static id(table: string, recordId: string): string {
    // JSON of a tuple is unambiguous, unlike `${table}:${recordId}`.
    return JSON.stringify([table, recordId]);
  }

  async get(table: string, recordId: string): Promise<StoredDataKey | undefined> {
    return this.rows.get(InMemoryDataKeyStore.id(table, recordId));
  }

  async put(key: StoredDataKey): Promise<StoredDataKey> {
    const id = InMemoryDataKeyStore.id(key.table, key.recordId);
    const existing = this.rows.get(id);
    if (existing) return existing;
    this.rows.set(id, key);
    return key;
  }

  async *listAll(): AsyncIterable<StoredDataKey> {
    // Snapshot so replace() during iteration neither skips nor repeats rows.
    for (const row of [...this.rows.values()]) yield row;
  }

  async replace(table: string, recordId: string, expected: WrappedKey, next: WrappedKey): Promise<boolean> {
    const id = InMemoryDataKeyStore.id(table, recordId);
    const current = this.rows.get(id);
    if (!current || !sameWrappedKey(current.wrapped, expected)) return false;
    this.rows.set(id, { ...current, wrapped: next });
    return true;
  }

  get size(): number {
    return this.rows.size;
  }
}
