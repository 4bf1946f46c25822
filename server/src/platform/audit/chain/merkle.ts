import { EMPTY_TREE_HASH, nodeHash } from './hash.js';

/**
 * RFC 6962 §2.1: for n > 1, k is the largest power of two smaller than n. Splitting there keeps
 * the left subtree perfect, which is what lets a tree only ever grow on its right edge.
 */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError(`a tree of ${n} leaves has no split point`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[lo:hi]) over leaf hashes, recursing exactly as RFC 6962 §2.1 defines it. */
export function subtreeHash(leafHashes: readonly Buffer[], lo: number, hi: number): Buffer {
  const n = hi - lo;
  if (n === 0) return EMPTY_TREE_HASH;
  if (n === 1) return leafHashes[lo]!;
  const k = splitPoint(n);
  return nodeHash(subtreeHash(leafHashes, lo, lo + k), subtreeHash(leafHashes, lo + k, hi));
}

/**
 * Merkle Tree Hash (RFC 6962 §2.1) of a list of LEAF HASHES (already `leafHash`ed). In-memory;
 * for a stream use `MerkleFrontier`.
 */
export function merkleTreeHead(leafHashes: readonly Buffer[]): Buffer {
  return subtreeHash(leafHashes, 0, leafHashes.length);
}
