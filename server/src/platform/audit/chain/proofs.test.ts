import { describe, expect, it } from 'vitest';
import { EMPTY_TREE_HASH, leafHash } from './hash.js';
import { merkleTreeHead } from './merkle.js';
import { REFERENCE_LEAVES, REFERENCE_ROOTS } from './rfc6962-vectors.js';
import { consistencyProof, inclusionProof, verifyConsistency, verifyInclusion } from './proofs.js';

const hex = (proof: Buffer[]) => proof.map((p) => p.toString('hex'));
const root = (n: number) => Buffer.from(REFERENCE_ROOTS[n - 1]!, 'hex');

describe('RFC 6962 §2.1.1 inclusion proofs', () => {
  it.each([
    [0, 1, []],
    [
      0,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      5,
      8,
      [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
    [
      1,
      5,
      [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
  ])('matches the reference path for leaf %i of %i', (index, size, expected) => {
    const proof = inclusionProof(REFERENCE_LEAVES.slice(0, size), index);
    expect(hex(proof)).toEqual(expected);
    expect(verifyInclusion(REFERENCE_LEAVES[index]!, index, size, proof, root(size))).toBe(true);
  });

  it('verifies every leaf of every tree up to 33 and rejects wrong index, size, leaf, root or path', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from([i])));
    for (let n = 1; n <= leaves.length; n += 1) {
      const tree = leaves.slice(0, n);
      const mth = merkleTreeHead(tree);
      for (let m = 0; m < n; m += 1) {
        const proof = inclusionProof(tree, m);
        expect(verifyInclusion(tree[m]!, m, n, proof, mth)).toBe(true);
        expect(verifyInclusion(tree[m]!, m + 1, n, proof, mth)).toBe(false);
        expect(verifyInclusion(tree[m]!, m, n * 2, proof, mth)).toBe(false);
        expect(verifyInclusion(leafHash(Buffer.from('x')), m, n, proof, mth)).toBe(false);
        expect(verifyInclusion(tree[m]!, m, n, proof, EMPTY_TREE_HASH)).toBe(false);
        expect(verifyInclusion(tree[m]!, m, n, [...proof, mth], mth)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(tree[m]!, m, n, proof.slice(1), mth)).toBe(false);
      }
    }
  });
});

describe('RFC 6962 §2.1.2 consistency proofs', () => {
  it.each([
    [
      1,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [
      2,
      5,
      [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
    [
      3,
      8,
      [
        '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
        '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
        'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
  ])('matches the reference proof from %i to %i', (m, n, expected) => {
    const proof = consistencyProof(REFERENCE_LEAVES.slice(0, n), m);
    expect(hex(proof)).toEqual(expected);
    expect(verifyConsistency(m, n, root(m), root(n), proof)).toBe(true);
  });

  it('handles the trivial sizes as RFC 9162 §2.1.4.2 requires', () => {
    expect(verifyConsistency(0, 0, EMPTY_TREE_HASH, EMPTY_TREE_HASH, [])).toBe(true);
    expect(verifyConsistency(0, 5, EMPTY_TREE_HASH, root(5), [])).toBe(true);
    expect(verifyConsistency(4, 4, root(4), root(4), [])).toBe(true);
    expect(verifyConsistency(4, 4, root(4), root(5), [])).toBe(false);
    expect(verifyConsistency(4, 4, root(4), root(4), [root(4)])).toBe(false);
    expect(verifyConsistency(5, 4, root(5), root(4), [])).toBe(false);
    expect(verifyConsistency(1, 2, root(1), root(2), [])).toBe(false);
  });

  it('verifies every pair up to 33 and rejects swapped roots, wrong sizes and altered proofs', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from([i, 7])));
    const roots = Array.from({ length: 34 }, (_, n) => merkleTreeHead(leaves.slice(0, n)));
    for (let n = 1; n <= leaves.length; n += 1) {
      for (let m = 1; m < n; m += 1) {
        const proof = consistencyProof(leaves.slice(0, n), m);
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof)).toBe(true);
        expect(verifyConsistency(m, n, roots[n]!, roots[m]!, proof)).toBe(false);
        expect(verifyConsistency(m + 1, n, roots[m]!, roots[n]!, proof)).toBe(false);
        expect(verifyConsistency(m, n * 2, roots[m]!, roots[n]!, proof)).toBe(false);
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, [...proof, roots[n]!])).toBe(false);
        const altered = proof.map((p, i) => (i === proof.length - 1 ? EMPTY_TREE_HASH : p));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, altered)).toBe(false);
      }
    }
  });
});
