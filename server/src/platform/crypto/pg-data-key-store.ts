import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { DataKeyStore, StoredDataKey } from './data-key-store';
import type { WrappedKey } from './key-provider';
import { recordKeys } from './record-keys.schema';

type Row = typeof recordKeys.$inferSelect;

function toStored(row: Row): StoredDataKey {
  return {
    table: row.tableName,
    recordId: row.recordId,
    dataKeyVersion: row.dataKeyVersion,
    wrapped: { masterVersion: row.masterVersion, ciphertext: row.wrapped },
  };
}

/**
 * Wrapped data keys in `record_keys`. Bind it to the transaction that writes the record, so the
 * record and its key commit (or vanish) together.
 */
export class PgDataKeyStore implements DataKeyStore {
  constructor(private readonly q: Queryable) {}

  async get(table: string, recordId: string): Promise<StoredDataKey | undefined> {
    const rows = await this.q
      .select()
      .from(recordKeys)
      .where(and(eq(recordKeys.tableName, table), eq(recordKeys.recordId, recordId)))
      .limit(1);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async put(key: StoredDataKey): Promise<StoredDataKey> {
    await this.q
      .insert(recordKeys)
      .values({
        tableName: key.table,
        recordId: key.recordId,
        dataKeyVersion: key.dataKeyVersion,
        masterVersion: key.wrapped.masterVersion,
        wrapped: key.wrapped.ciphertext,
      })
      .onConflictDoNothing();
    const stored = await this.get(key.table, key.recordId);
    if (!stored) throw new Error('record key vanished after insert');
    return stored;
  }

  async *listAll(): AsyncIterable<StoredDataKey> {
    let after: { table: string; id: string } | undefined;
    for (;;) {
      const rows = await this.q
        .select()
        .from(recordKeys)
        .where(
          after
            ? or(
                gt(recordKeys.tableName, after.table),
                and(eq(recordKeys.tableName, after.table), gt(recordKeys.recordId, after.id)),
              )
            : undefined,
        )
        .orderBy(asc(recordKeys.tableName), asc(recordKeys.recordId))
        .limit(500);
      for (const row of rows) yield toStored(row);
      if (rows.length < 500) return;
      const last = rows[rows.length - 1]!;
      after = { table: last.tableName, id: last.recordId };
    }
  }

  async replace(table: string, recordId: string, expected: WrappedKey, next: WrappedKey): Promise<boolean> {
    const rows = await this.q
      .update(recordKeys)
      .set({ masterVersion: next.masterVersion, wrapped: next.ciphertext })
      .where(
        and(
          eq(recordKeys.tableName, table),
          eq(recordKeys.recordId, recordId),
          eq(recordKeys.masterVersion, expected.masterVersion),
          eq(recordKeys.wrapped, expected.ciphertext),
        ),
      )
      .returning({ id: recordKeys.recordId });
    return rows.length > 0;
  }
}
