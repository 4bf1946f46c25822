import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKeyDir, readPrivateFile, writeFileExclusive } from '../../crypto/key-files.js';
import type { CheckpointSigner } from './checkpoint.js';

export const AUDIT_SIGNING_KEY_FILE = 'audit-signing.key';
export const AUDIT_PUBLIC_KEY_FILE = 'audit-signing.pub';

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/**
 * Ed25519 checkpoint signer whose key pair lives in the key directory (outside the database):
 * `audit-signing.key` (PKCS#8 PEM, 0600) and `audit-signing.pub` (SPKI PEM). Someone who can
 * rewrite the audit table cannot forge a checkpoint without also stealing this file.
 */
export class Ed25519FileSigner implements CheckpointSigner {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {}

  /** Loads the key pair, creating it on first start; refuses an insecure or mismatched pair. */
  static open(keyDir: string): Ed25519FileSigner {
    ensureKeyDir(keyDir);
    const keyPath = join(keyDir, AUDIT_SIGNING_KEY_FILE);
    const pubPath = join(keyDir, AUDIT_PUBLIC_KEY_FILE);
    if (!existsSync(keyPath)) {
      if (existsSync(pubPath)) {
        // Silently making a new pair would orphan every checkpoint signed so far.
        throw new Error(
          `${pubPath} exists but ${keyPath} is missing: restore the private key from backup, ` +
            `or move the .pub aside deliberately to start a new signing key`,
        );
      }
      const pair = generateKeyPairSync('ed25519');
      const pem = Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const created = writeFileExclusive(keyDir, AUDIT_SIGNING_KEY_FILE, pem, 0o600);
      pem.fill(0);
      // Lost a race with another process starting at the same moment: fall through and load theirs.
      if (!created) return Ed25519FileSigner.open(keyDir);
    }
    const pem = readPrivateFile(keyPath);
    const privateKey = createPrivateKey(pem);
    pem.fill(0);
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`${keyPath} is not an Ed25519 private key`);
    const publicKey = createPublicKey(privateKey);
    if (!existsSync(pubPath)) {
      writeFileExclusive(
        keyDir,
        AUDIT_PUBLIC_KEY_FILE,
        Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })),
        0o644,
      );
    } else if (!spki(loadAuditPublicKey(pubPath)).equals(spki(publicKey))) {
      throw new Error(`${pubPath} does not match ${keyPath}: one of them was replaced`);
    }
    return new Ed25519FileSigner(privateKey, publicKey);
  }

  async sign(message: Buffer): Promise<Buffer> {
    return sign(null, message, this.privateKey);
  }
}

/**
 * Reads an Ed25519 public key (PEM). `lantern audit verify` should take it from a copy kept
 * apart from the server (or pin its keyId), not only from the server's own key directory.
 */
export function loadAuditPublicKey(path: string): KeyObject {
  const key = createPublicKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 public key`);
  return key;
}
