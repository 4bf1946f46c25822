import { EMPTY_TREE_HASH, HASH_BYTES, nodeHash } from './hash.js';

interface PerfectSubtree {
  readonly height: number;
  readonly hash: Buffer;
}

/**
 * Incremental Merkle Tree Hash (RFC 6962 §2.1) over a stream of leaf hashes in O(log n) memory.
 *
 * Why it is the RFC tree: the RFC tree of n leaves is the perfect subtrees given by the binary
 * digits of n, left to right, largest first, folded from the right (`MTH = node(P1, node(P2, …))`),
 * because every split point is the largest power of two below the remaining size. The stack
 * holds those perfect subtrees (the "frontier", or compact range [0, n)); appending merges equal
 * heights like a binary counter.
 */
export class MerkleFrontier {
  private readonly stack: PerfectSubtree[] = [];
  private count = 0n;

  /** Number of leaves appended. */
  get size(): bigint {
    return this.count;
  }

  append(leafHash: Buffer): void {
    if (leafHash.length !== HASH_BYTES) throw new RangeError('a leaf hash must be 32 bytes');
    let node: PerfectSubtree = { height: 0, hash: leafHash };
    for (let top = this.stack.at(-1); top && top.height === node.height; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { height: node.height + 1, hash: nodeHash(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1n;
  }

  /** MTH of every leaf appended so far. */
  root(): Buffer {
    const last = this.stack.at(-1);
    if (!last) return EMPTY_TREE_HASH;
    let acc = last.hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) acc = nodeHash(this.stack[i]!.hash, acc);
    return acc;
  }

  /** The frontier's hashes, left to right, e.g. to persist beside the chain head. */
  hashes(): Buffer[] {
    return this.stack.map((s) => s.hash);
  }

  /** Rebuilds a frontier of `size` leaves from `hashes()` saved earlier. */
  static restore(size: bigint, hashes: readonly Buffer[]): MerkleFrontier {
    const frontier = new MerkleFrontier();
    const heights: number[] = [];
    for (let bit = 0; size >> BigInt(bit) > 0n; bit += 1) {
      if ((size >> BigInt(bit)) & 1n) heights.unshift(bit);
    }
    if (heights.length !== hashes.length) throw new RangeError('frontier does not match its size');
    heights.forEach((height, i) => {
      frontier.stack.push({ height, hash: hashes[i]! });
    });
    frontier.count = size;
    return frontier;
  }
}
