import { describe, expect, it } from 'vitest';
import { InMemoryDataKeyStore, type StoredDataKey } from './data-key-store.js';
import { type FieldContext, FieldCipher } from './field-cipher.js';
import { FileKeyProvider } from './file-key-provider.js';
import type { WrappedKey } from './key-provider.js';
import { rotateMasterKey } from './rotate-master-key.js';
import { tempDirsPerTest } from './test-helpers.js';

const tempDir = tempDirsPerTest();

async function seed(count: number) {
  const keyDir = tempDir();
  const provider = FileKeyProvider.open(keyDir);
  const store = new InMemoryDataKeyStore();
  const cipher = new FieldCipher(provider, store);
  const rows: { ctx: FieldContext; value: string; envelope: Buffer }[] = [];
  for (let i = 0; i < count; i += 1) {
    const ctx = { table: 'sources', column: 'true_name', recordId: `rec-${i}` };
    const value = `name ${i} — ñ 名前`;
    rows.push({ ctx, value, envelope: await cipher.encryptField(value, ctx) });
  }
  return { keyDir, provider, store, cipher, rows };
}

async function snapshot(store: InMemoryDataKeyStore): Promise<StoredDataKey[]> {
  const out: StoredDataKey[] = [];
  for await (const row of store.listAll()) out.push(row);
  return out;
}

/** A store whose replace() dies after `budget` successful calls, like a killed process. */
class CrashingStore extends InMemoryDataKeyStore {
  constructor(public budget: number) {
    super();
  }
  override async replace(table: string, recordId: string, expected: WrappedKey, next: WrappedKey) {
    if (this.budget <= 0) throw new Error('simulated crash');
    this.budget -= 1;
    return super.replace(table, recordId, expected, next);
  }
}

describe('rotateMasterKey', () => {
  it('re-wraps every data key under the new version; every value stays decryptable', async () => {
    const { keyDir, provider, store, cipher, rows } = await seed(25);
    const before = await snapshot(store);
    const result = await rotateMasterKey(provider, store);
    expect(result).toEqual({ toVersion: 2, total: 25, rewrapped: 25, alreadyCurrent: 0, conflicts: 0 });
    const after = await snapshot(store);
    for (const row of after) expect(row.wrapped.masterVersion).toBe(2);
    for (const [i, row] of after.entries()) {
      expect(row.wrapped.ciphertext.equals(before[i]!.wrapped.ciphertext)).toBe(false);
      expect(row.dataKeyVersion).toBe(before[i]!.dataKeyVersion);
    }
    // The envelopes were not touched: the very same bytes decrypt after rotation.
    for (const { ctx, value, envelope } of rows) expect(await cipher.decryptField(envelope, ctx)).toBe(value);
    // And a fresh process that only has the key files can still read them.
    const restarted = new FieldCipher(FileKeyProvider.open(keyDir), store);
    for (const { ctx, value, envelope } of rows)
      expect(await restarted.decryptField(envelope, ctx)).toBe(value);
  });

  it('finishes an interrupted rotation when re-run, without minting another version', async () => {
    const { provider, store: seeded, rows } = await seed(10);
    const store = new CrashingStore(4);
    for (const row of await snapshot(seeded)) await store.put(row);
    await expect(rotateMasterKey(provider, store)).rejects.toThrow('simulated crash');

    const versions = (await snapshot(store)).map((r) => r.wrapped.masterVersion);
    expect(versions.filter((v) => v === 2)).toHaveLength(4);
    expect(versions.filter((v) => v === 1)).toHaveLength(6);
    const cipher = new FieldCipher(provider, store);
    // Mid-rotation, old-wrapped and new-wrapped keys both decrypt.
    for (const { ctx, value, envelope } of rows) expect(await cipher.decryptField(envelope, ctx)).toBe(value);

    store.budget = Number.POSITIVE_INFINITY;
    const result = await rotateMasterKey(provider, store, { createNewVersion: false });
    expect(result).toEqual({ toVersion: 2, total: 10, rewrapped: 6, alreadyCurrent: 4, conflicts: 0 });
    for (const { ctx, value, envelope } of rows) expect(await cipher.decryptField(envelope, ctx)).toBe(value);
  });

  it('is safe to run twice in a row (second run rotates again, nothing is lost)', async () => {
    const { provider, store, cipher, rows } = await seed(5);
    await rotateMasterKey(provider, store);
    const second = await rotateMasterKey(provider, store);
    expect(second).toMatchObject({ toVersion: 3, rewrapped: 5 });
    const noop = await rotateMasterKey(provider, store, { createNewVersion: false });
    expect(noop).toMatchObject({ toVersion: 3, rewrapped: 0, alreadyCurrent: 5 });
    for (const { ctx, value, envelope } of rows) expect(await cipher.decryptField(envelope, ctx)).toBe(value);
  });

  it('counts a key changed by someone else as a conflict instead of overwriting it', async () => {
    const { provider, store } = await seed(1);
    const racing = new (class extends InMemoryDataKeyStore {
      override async replace(): Promise<boolean> {
        return false;
      }
    })();
    for (const row of await snapshot(store)) await racing.put(row);
    expect(await rotateMasterKey(provider, racing)).toMatchObject({ rewrapped: 0, conflicts: 1 });
  });
});
