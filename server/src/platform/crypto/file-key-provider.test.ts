import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataKeyAad } from './aad.js';
import { CryptoError, DecryptionError } from './errors.js';
import { FileKeyProvider } from './file-key-provider.js';
import { tempDirsPerTest } from './test-helpers.js';

const tempDir = tempDirsPerTest();
const aad = dataKeyAad('sources', 'rec-1');

function permissions(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('FileKeyProvider', () => {
  it('creates the key directory 0700 and master-v1.key 0600 on first start', () => {
    const dir = join(tempDir(), 'nested', 'keys');
    const provider = FileKeyProvider.open(dir);
    expect(provider.activeVersion()).toBe(1);
    expect(permissions(dir)).toBe(0o700);
    const file = join(dir, 'master-v1.key');
    expect(permissions(file)).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('reuses the existing key on the next start', async () => {
    const dir = tempDir();
    const wrapped = await FileKeyProvider.open(dir).wrap(randomBytes(32), aad);
    const again = FileKeyProvider.open(dir);
    await expect(again.unwrap(wrapped, aad)).resolves.toHaveLength(32);
  });

  it.each([0o644, 0o640, 0o604])(
    'refuses to start if a key file has mode %s, naming the file and the fix',
    (mode) => {
      const dir = tempDir();
      FileKeyProvider.open(dir);
      const file = join(dir, 'master-v1.key');
      chmodSync(file, mode);
      expect(() => FileKeyProvider.open(dir)).toThrow(CryptoError);
      expect(() => FileKeyProvider.open(dir)).toThrow(file);
      expect(() => FileKeyProvider.open(dir)).toThrow(`chmod 600 ${file}`);
    },
  );

  it('refuses a key directory others can write to', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    expect(() => FileKeyProvider.open(dir)).toThrow(/chmod 700/);
  });

  it('refuses a malformed key file without echoing its content', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'master-v1.key'), 'c2VjcmV0LWJ1dC1zaG9ydA==\n', { mode: 0o600 });
    expect(() => FileKeyProvider.open(dir)).toThrow(/base64-encoded 32-byte key/);
    expect(() => FileKeyProvider.open(dir)).not.toThrow(/c2VjcmV0/);
  });

  it('rotates to a new 0600 version and still unwraps keys of the old one', async () => {
    const dir = tempDir();
    const provider = FileKeyProvider.open(dir);
    const dataKey = randomBytes(32);
    const old = await provider.wrap(dataKey, aad);
    expect(await provider.rotate()).toBe(2);
    expect(provider.activeVersion()).toBe(2);
    expect(permissions(join(dir, 'master-v2.key'))).toBe(0o600);
    const fresh = await provider.wrap(dataKey, aad);
    expect(fresh.masterVersion).toBe(2);
    expect((await provider.unwrap(old, aad)).equals(dataKey)).toBe(true);
    expect(FileKeyProvider.open(dir).activeVersion()).toBe(2);
  });

  it('picks up a version another process created after this one started', async () => {
    const dir = tempDir();
    const first = FileKeyProvider.open(dir);
    const second = FileKeyProvider.open(dir);
    await second.rotate();
    const wrapped = await second.wrap(randomBytes(32), aad);
    await expect(first.unwrap(wrapped, aad)).resolves.toHaveLength(32);
    // Two processes rotating from the same state never reuse a version number.
    expect(await first.rotate()).toBe(3);
  });

  it('binds the master version and AAD: a relabelled or misplaced wrapped key fails', async () => {
    const dir = tempDir();
    const provider = FileKeyProvider.open(dir);
    const wrapped = await provider.wrap(randomBytes(32), aad);
    await provider.rotate();
    await expect(provider.unwrap({ ...wrapped, masterVersion: 2 }, aad)).rejects.toThrow(DecryptionError);
    await expect(provider.unwrap(wrapped, dataKeyAad('sources', 'rec-2'))).rejects.toThrow(DecryptionError);
    await expect(provider.unwrap({ ...wrapped, masterVersion: 9 }, aad)).rejects.toThrow(DecryptionError);
  });

  it('leaves no temp files behind', () => {
    const dir = tempDir();
    FileKeyProvider.open(dir);
    expect(existsSync(join(dir, 'master-v1.key'))).toBe(true);
    expect(readFileSync(join(dir, 'master-v1.key'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
  });
});
