import { chmodSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../crypto/test-helpers.js';
import { checkpointBytes, publicKeyId, signCheckpoint, verifyCheckpointSignature } from './checkpoint.js';
import {
  AUDIT_PUBLIC_KEY_FILE,
  AUDIT_SIGNING_KEY_FILE,
  Ed25519FileSigner,
  loadAuditPublicKey,
} from './file-signer.js';
import { EMPTY_TREE_HASH } from './hash.js';
import { readWitness, writeWitness } from './witness.js';

const tempDir = tempDirsPerTest();
const body = {
  treeSize: 3n,
  rootHash: EMPTY_TREE_HASH,
  chainHead: EMPTY_TREE_HASH,
  at: '2025-01-01T00:00:00.000Z',
};

describe('Ed25519FileSigner', () => {
  it('creates audit-signing.key (0600) and .pub on first start, and signs verifiable checkpoints', async () => {
    const dir = tempDir();
    const signer = Ed25519FileSigner.open(dir);
    expect(statSync(join(dir, AUDIT_SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    const pub = loadAuditPublicKey(join(dir, AUDIT_PUBLIC_KEY_FILE));
    const signed = await signCheckpoint(signer, body);
    expect(signed.keyId).toBe(publicKeyId(pub));
    expect(verifyCheckpointSignature(signed, pub)).toBe(true);
    expect(verifyCheckpointSignature({ ...signed, treeSize: 4n }, pub)).toBe(false);
    expect(checkpointBytes(signed).toString()).toContain('lantern.audit.checkpoint.v1');
  });

  it('reloads the same key on the next start', async () => {
    const dir = tempDir();
    const first = Ed25519FileSigner.open(dir);
    const again = Ed25519FileSigner.open(dir);
    expect(publicKeyId(again.publicKey)).toBe(publicKeyId(first.publicKey));
  });

  it('refuses a private key readable by others', () => {
    const dir = tempDir();
    Ed25519FileSigner.open(dir);
    chmodSync(join(dir, AUDIT_SIGNING_KEY_FILE), 0o644);
    expect(() => Ed25519FileSigner.open(dir)).toThrow(/chmod 600/);
  });

  it('refuses a public key that does not match, and a public key whose private key is gone', () => {
    const dir = tempDir();
    const other = tempDir();
    Ed25519FileSigner.open(dir);
    Ed25519FileSigner.open(other);
    renameSync(join(other, AUDIT_PUBLIC_KEY_FILE), join(dir, AUDIT_PUBLIC_KEY_FILE));
    expect(() => Ed25519FileSigner.open(dir)).toThrow(/does not match/);
    const orphan = tempDir();
    writeFileSync(join(orphan, AUDIT_PUBLIC_KEY_FILE), 'x');
    expect(() => Ed25519FileSigner.open(orphan)).toThrow(/missing/);
  });
});

describe('witness file', () => {
  it('round-trips the latest checkpoint and reads null before the first one', async () => {
    const dir = tempDir();
    const path = join(dir, 'audit-witness.json');
    expect(readWitness(path)).toBeNull();
    const signer = Ed25519FileSigner.open(dir);
    const signed = await signCheckpoint(signer, body);
    writeWitness(path, signed);
    writeWitness(path, { ...signed, at: '2025-01-02T00:00:00.000Z' });
    const back = readWitness(path)!;
    expect(back.at).toBe('2025-01-02T00:00:00.000Z');
    expect(back.treeSize).toBe(3n);
    expect(back.signature.equals(signed.signature)).toBe(true);
  });
});
