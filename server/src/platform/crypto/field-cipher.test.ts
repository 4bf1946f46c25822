import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDataKeyStore } from './data-key-store.js';
import { EnvKeyProvider } from './env-key-provider.js';
import { DecryptionError } from './errors.js';
import { type FieldContext, FieldCipher } from './field-cipher.js';

const ctx: FieldContext = { table: 'sources', column: 'true_name', recordId: 'rec-1' };
const CANARY = 'Canary Q. Sourcename';

function setup() {
  const provider = new EnvKeyProvider(randomBytes(32).toString('base64'));
  const store = new InMemoryDataKeyStore();
  return { provider, store, cipher: new FieldCipher(provider, store) };
}

async function expectDecryptionError(promise: Promise<string>): Promise<DecryptionError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DecryptionError);
  const message = (err as DecryptionError).message;
  expect(message).not.toContain(CANARY);
  return err as DecryptionError;
}

function flipByte(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('FieldCipher', () => {
  it('round-trips a value and never stores it in clear', async () => {
    const { cipher, store } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    expect(envelope.includes(Buffer.from(CANARY))).toBe(false);
    expect(envelope[0]).toBe(1);
    expect(await cipher.decryptField(envelope, ctx)).toBe(CANARY);
    expect(store.size).toBe(1);
  });

  it('uses a fresh IV each time and one data key per record', async () => {
    const { cipher, store } = setup();
    const a = await cipher.encryptField(CANARY, ctx);
    const b = await cipher.encryptField(CANARY, ctx);
    expect(a.equals(b)).toBe(false);
    await cipher.encryptField('x', { ...ctx, column: 'other' });
    expect(store.size).toBe(1);
    await cipher.encryptField('x', { ...ctx, recordId: 'rec-2' });
    expect(store.size).toBe(2);
  });

  it('round-trips the empty string', async () => {
    const { cipher } = setup();
    expect(await cipher.decryptField(await cipher.encryptField('', ctx), ctx)).toBe('');
  });

  it.each([
    ['format byte', 0],
    ['data-key version', 4],
    ['iv', 5],
    ['tag', 20],
    ['ciphertext', 40],
  ])('fails when the %s is tampered with', async (_part, index) => {
    const { cipher } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    await expectDecryptionError(cipher.decryptField(flipByte(envelope, index), ctx));
  });

  it('fails on a truncated or extended envelope', async () => {
    const { cipher } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    await expectDecryptionError(cipher.decryptField(envelope.subarray(0, 20), ctx));
    await expectDecryptionError(cipher.decryptField(envelope.subarray(0, envelope.length - 1), ctx));
    await expectDecryptionError(cipher.decryptField(Buffer.concat([envelope, Buffer.from([0])]), ctx));
  });

  it.each([
    ['another record', { recordId: 'rec-2' }],
    ['another column of the same record', { column: 'cover_name' }],
    ['another table with the same record id', { table: 'agents' }],
  ])('refuses a ciphertext moved to %s', async (_where, change) => {
    const { cipher } = setup();
    const target: FieldContext = { ...ctx, ...change };
    // The target row exists and has its own key, as it would in the database.
    await cipher.encryptField('target value', target);
    const envelope = await cipher.encryptField(CANARY, ctx);
    const err = await expectDecryptionError(cipher.decryptField(envelope, target));
    expect(['authentication-failed', 'data-key-unwrap-failed']).toContain(err.reason);
  });

  it('refuses a data key row copied to another record', async () => {
    const { cipher, store } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    const row = await store.get(ctx.table, ctx.recordId);
    await store.put({ ...row!, recordId: 'rec-2' });
    const err = await expectDecryptionError(cipher.decryptField(envelope, { ...ctx, recordId: 'rec-2' }));
    expect(err.reason).toBe('data-key-unwrap-failed');
  });

  it('fails under the wrong master key', async () => {
    const { cipher, store } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    const other = new FieldCipher(new EnvKeyProvider(randomBytes(32).toString('base64')), store);
    const err = await expectDecryptionError(other.decryptField(envelope, ctx));
    expect(err.reason).toBe('data-key-unwrap-failed');
  });

  it('fails clearly when the record has no data key', async () => {
    const { cipher } = setup();
    const envelope = await cipher.encryptField(CANARY, ctx);
    const fresh = new FieldCipher(
      new EnvKeyProvider(randomBytes(32).toString('base64')),
      new InMemoryDataKeyStore(),
    );
    expect((await expectDecryptionError(fresh.decryptField(envelope, ctx))).reason).toBe('no-data-key');
  });

  it('keeps one data key when two writers create it concurrently', async () => {
    const { cipher, store } = setup();
    const [a, b] = await Promise.all([
      cipher.encryptField('first', ctx),
      cipher.encryptField('second', { ...ctx, column: 'cover_name' }),
    ]);
    expect(store.size).toBe(1);
    expect(await cipher.decryptField(a, ctx)).toBe('first');
    expect(await cipher.decryptField(b, { ...ctx, column: 'cover_name' })).toBe('second');
  });

  it('round-trips random unicode strings (property)', async () => {
    const { cipher } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        async (value, recordId) => {
          const where = { ...ctx, recordId };
          expect(await cipher.decryptField(await cipher.encryptField(value, where), where)).toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('FieldCipher input', () => {
  it('refuses strings that UTF-8 cannot represent instead of corrupting them', async () => {
    const { cipher } = setup();
    await expect(cipher.encryptField('a\uD800b', ctx)).rejects.toThrow(TypeError);
  });
});
