import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataKeyAad } from './aad.js';
import { EnvKeyProvider } from './env-key-provider.js';
import { CryptoError } from './errors.js';

const aad = dataKeyAad('sources', 'rec-1');

describe('EnvKeyProvider', () => {
  it('wraps and unwraps under version 1 from LANTERN_MASTER_KEY', async () => {
    const provider = EnvKeyProvider.fromEnv({ LANTERN_MASTER_KEY: randomBytes(32).toString('base64') });
    expect(provider?.activeVersion()).toBe(1);
    const dataKey = randomBytes(32);
    const wrapped = await provider!.wrap(dataKey, aad);
    expect(wrapped.masterVersion).toBe(1);
    expect((await provider!.unwrap(wrapped, aad)).equals(dataKey)).toBe(true);
  });

  it('is absent when the variable is unset or empty', () => {
    expect(EnvKeyProvider.fromEnv({})).toBeUndefined();
    expect(EnvKeyProvider.fromEnv({ LANTERN_MASTER_KEY: '' })).toBeUndefined();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['not base64', '!'.repeat(44)],
  ])('refuses a key that is %s, without echoing it', (_why, value) => {
    expect(() => new EnvKeyProvider(value)).toThrow(
      /LANTERN_MASTER_KEY must hold a base64-encoded 32-byte key/,
    );
    expect(() => new EnvKeyProvider(value)).not.toThrow(value);
  });

  it('refuses to rotate with a clear error', async () => {
    const provider = new EnvKeyProvider(randomBytes(32).toString('base64'));
    await expect(provider.rotate()).rejects.toThrow(CryptoError);
    await expect(provider.rotate()).rejects.toThrow(/LANTERN_KEY_DIR/);
  });
});
