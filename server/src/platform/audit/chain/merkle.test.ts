import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleFrontier } from './frontier.js';
import { EMPTY_TREE_HASH, leafHash, nodeHash } from './hash.js';
import { merkleTreeHead } from './merkle.js';
import { REFERENCE_LEAVES, REFERENCE_ROOTS } from './rfc6962-vectors.js';

/** Independent, deliberately naive reading of RFC 6962 §2.1 (slices, its own hashing). */
function naiveMth(leaves: Buffer[]): Buffer {
  const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  if (leaves.length === 0) return h();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k << 1 < leaves.length) k <<= 1;
  return h(Buffer.from([1]), naiveMth(leaves.slice(0, k)), naiveMth(leaves.slice(k)));
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('RFC 6962 §2.1 hashing', () => {
  it('hashes the empty tree to SHA-256 of the empty string', () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(merkleTreeHead([]).equals(EMPTY_TREE_HASH)).toBe(true);
  });

  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(REFERENCE_ROOTS[0]);
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(
      nodeHash(a, b).equals(
        createHash('sha256')
          .update(Buffer.concat([Buffer.from([1]), a, b]))
          .digest(),
      ),
    ).toBe(true);
  });

  it.each(REFERENCE_ROOTS.map((root, i) => [i + 1, root] as const))(
    'matches the reference root for %i leaves',
    (n, root) => {
      expect(merkleTreeHead(REFERENCE_LEAVES.slice(0, n)).toString('hex')).toBe(root);
    },
  );

  it('has the RFC structure for 3 and 7 leaves', () => {
    const [a, b, c, d, e, f, g] = leavesOf(7) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
    expect(merkleTreeHead([a, b, c]).equals(nodeHash(nodeHash(a, b), c))).toBe(true);
    const seven = nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), nodeHash(nodeHash(e, f), g));
    expect(merkleTreeHead([a, b, c, d, e, f, g]).equals(seven)).toBe(true);
  });

  it('agrees with a naive recursive implementation and the streaming frontier for 0..130 leaves', () => {
    const all = leavesOf(130);
    const frontier = new MerkleFrontier();
    for (let n = 0; n <= all.length; n += 1) {
      const expected = naiveMth(all.slice(0, n));
      expect(merkleTreeHead(all.slice(0, n)).equals(expected)).toBe(true);
      expect(frontier.root().equals(expected)).toBe(true);
      expect(frontier.size).toBe(BigInt(n));
      if (n < all.length) frontier.append(all[n]!);
    }
  });

  it('restores a frontier from its saved hashes and keeps growing correctly', () => {
    const all = leavesOf(45);
    const f = new MerkleFrontier();
    for (const leaf of all.slice(0, 37)) f.append(leaf);
    const restored = MerkleFrontier.restore(37n, f.hashes());
    for (const leaf of all.slice(37)) restored.append(leaf);
    expect(restored.root().equals(merkleTreeHead(all))).toBe(true);
    expect(() => MerkleFrontier.restore(37n, f.hashes().slice(1))).toThrow(RangeError);
  });
});
