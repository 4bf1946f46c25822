import { HASH_BYTES, nodeHash } from './hash.js';
import { splitPoint, subtreeHash } from './merkle.js';

/*
 * Leaf indices here are 0-based as in the RFC; an audit event's leaf index is `seq - 1`.
 * Proof generation works on in-memory leaf-hash arrays (tests, small exports); verification
 * needs only the proof, sizes and roots, so a third party can run it.
 */

function path(leaves: readonly Buffer[], m: number, lo: number, hi: number): Buffer[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...path(leaves, m, lo, lo + k), subtreeHash(leaves, lo + k, hi)];
  return [...path(leaves, m - k, lo + k, hi), subtreeHash(leaves, lo, lo + k)];
}

/** RFC 6962 §2.1.1: the audit path PATH(m, D[n]) proving leaf `m` is in the tree of `leaves`. */
export function inclusionProof(leaves: readonly Buffer[], leafIndex: number): Buffer[] {
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= leaves.length) {
    throw new RangeError(`leaf index ${leafIndex} is outside a tree of ${leaves.length}`);
  }
  return path(leaves, leafIndex, 0, leaves.length);
}

function subproof(leaves: readonly Buffer[], m: number, lo: number, hi: number, complete: boolean): Buffer[] {
  const n = hi - lo;
  if (m === n) return complete ? [] : [subtreeHash(leaves, lo, hi)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(leaves, m, lo, lo + k, complete), subtreeHash(leaves, lo + k, hi)];
  return [...subproof(leaves, m - k, lo + k, hi, false), subtreeHash(leaves, lo, lo + k)];
}

/**
 * RFC 6962 §2.1.2: PROOF(m, D[n]) that the tree of the first `oldSize` leaves is a prefix of the
 * tree of all `leaves` (the log only grew). Empty when oldSize is 0 or equals the size.
 */
export function consistencyProof(leaves: readonly Buffer[], oldSize: number): Buffer[] {
  if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > leaves.length) {
    throw new RangeError(`old size ${oldSize} is outside a tree of ${leaves.length}`);
  }
  if (oldSize === 0 || oldSize === leaves.length) return [];
  return subproof(leaves, oldSize, 0, leaves.length, true);
}

const big = (n: number | bigint): bigint => BigInt(n);
const isHash = (h: Buffer): boolean => h.length === HASH_BYTES;

/**
 * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2 (RFC 6962 §2.1.1 defines
 * the proof but leaves verification implicit; 6962bis spells it out for the same tree).
 */
export function verifyInclusion(
  leaf: Buffer,
  leafIndex: number | bigint,
  treeSize: number | bigint,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  let fn = big(leafIndex);
  let sn = big(treeSize) - 1n;
  if (fn < 0n || fn > sn || !isHash(leaf) || !isHash(root)) return false;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n || !isHash(p)) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/**
 * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2: the tree `oldRoot` of
 * `oldSize` leaves is a prefix of the tree `newRoot` of `newSize` leaves.
 */
export function verifyConsistency(
  oldSize: number | bigint,
  newSize: number | bigint,
  oldRoot: Buffer,
  newRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  const m = big(oldSize);
  const n = big(newSize);
  if (m < 0n || m > n) return false;
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0n) return proof.length === 0;
  if (proof.length === 0 || !proof.every(isHash)) return false;

  // If the old tree is a perfect subtree of the new one, its root is the proof's implicit first node.
  const nodes = (m & (m - 1n)) === 0n ? [oldRoot, ...proof] : [...proof];
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = nodes[0]!;
  let sr = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(oldRoot) && sr.equals(newRoot);
}
