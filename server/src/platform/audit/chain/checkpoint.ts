import { createHash, type KeyObject, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { HASH_BYTES } from './hash.js';

/** A statement "the log had `treeSize` events, with this Merkle root and this chain head". */
export interface Checkpoint {
  readonly treeSize: bigint;
  /** RFC 6962 §2.1 MTH of the leaf hashes of events 1..treeSize. */
  readonly rootHash: Buffer;
  /** Chain hash of event `treeSize` (genesis for 0). */
  readonly chainHead: Buffer;
  readonly at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 signature over `checkpointBytes`. */
  readonly signature: Buffer;
  /** Hex SHA-256 of the signer's public key (SPKI DER), to pick the key once keys rotate. */
  readonly keyId: string;
}

/**
 * Signs checkpoint bytes. The file signer keeps the Ed25519 key outside the database; an HSM or
 * KMS implements the same interface so the private key never enters this process.
 */
export interface CheckpointSigner {
  readonly publicKey: KeyObject;
  sign(message: Buffer): Promise<Buffer>;
}

/** The exact bytes signed: canonical JSON with a type tag, so no other signed message can pose as a checkpoint. */
export function checkpointBytes(c: Checkpoint): Buffer {
  return Buffer.from(
    canonicalJson({
      type: 'lantern.audit.checkpoint.v1',
      treeSize: c.treeSize.toString(10),
      rootHash: c.rootHash.toString('hex'),
      chainHead: c.chainHead.toString('hex'),
      at: c.at,
    }),
    'utf8',
  );
}

export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export async function signCheckpoint(signer: CheckpointSigner, c: Checkpoint): Promise<SignedCheckpoint> {
  const body: Checkpoint = { treeSize: c.treeSize, rootHash: c.rootHash, chainHead: c.chainHead, at: c.at };
  return {
    ...body,
    signature: await signer.sign(checkpointBytes(body)),
    keyId: publicKeyId(signer.publicKey),
  };
}

/** True if `c` is well formed and its Ed25519 signature verifies under `publicKey`. */
export function verifyCheckpointSignature(c: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (c.rootHash.length !== HASH_BYTES || c.chainHead.length !== HASH_BYTES || c.treeSize < 0n) return false;
  try {
    return verify(null, checkpointBytes(c), publicKey, c.signature);
  } catch {
    return false;
  }
}

/** JSON form (hex and decimal strings) for the database row and the witness copy. */
export interface CheckpointJson {
  readonly treeSize: string;
  readonly rootHash: string;
  readonly chainHead: string;
  readonly at: string;
  readonly signature: string;
  readonly keyId: string;
}

export function checkpointToJson(c: SignedCheckpoint): CheckpointJson {
  return {
    treeSize: c.treeSize.toString(10),
    rootHash: c.rootHash.toString('hex'),
    chainHead: c.chainHead.toString('hex'),
    at: c.at,
    signature: c.signature.toString('base64'),
    keyId: c.keyId,
  };
}

export function checkpointFromJson(j: CheckpointJson): SignedCheckpoint {
  return {
    treeSize: BigInt(j.treeSize),
    rootHash: Buffer.from(j.rootHash, 'hex'),
    chainHead: Buffer.from(j.chainHead, 'hex'),
    at: j.at,
    signature: Buffer.from(j.signature, 'base64'),
    keyId: j.keyId,
  };
}
