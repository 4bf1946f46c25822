import { createHash } from 'node:crypto';

/** SHA-256 output length; every hash in the audit chain has it. */
export const HASH_BYTES = 32;

export function sha256(...parts: readonly Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * RFC 6962 §2.1: the hash of a leaf is `SHA-256(0x00 || data)`. The distinct prefixes for leaves
 * and nodes stop an attacker presenting an interior node as a leaf (second-preimage attack).
 */
export function leafHash(data: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, data);
}

/** RFC 6962 §2.1: an interior node is `SHA-256(0x01 || left || right)`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** RFC 6962 §2.1: the Merkle Tree Hash of an empty list is the hash of the empty string. */
export const EMPTY_TREE_HASH: Buffer = sha256();
