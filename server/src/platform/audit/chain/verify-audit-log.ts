import type { KeyObject } from 'node:crypto';
import { GENESIS_CHAIN_HASH, chainHash } from './chain.js';
import { type SignedCheckpoint, verifyCheckpointSignature } from './checkpoint.js';
import { eventLeafHash, type StoredEvent } from './event.js';
import { MerkleFrontier } from './frontier.js';
import { HASH_BYTES } from './hash.js';
import { Peekable } from './peekable.js';

export type AuditFailureReason =
  | 'malformed event'
  | 'leaf hash mismatch (modified)'
  | 'sequence gap (deleted)'
  | 'duplicate/unexpected seq (inserted)'
  | 'out of order'
  | 'chain hash mismatch'
  | 'checkpoint signature invalid'
  | 'checkpoint mismatch (rewritten)'
  | 'log shorter than checkpoint (truncated)';

export type VerifyResult =
  | {
      readonly ok: true;
      readonly count: bigint;
      /** Largest checkpoint checked; events after it are protected by the chain only. */
      readonly lastCheckpoint: SignedCheckpoint | null;
      readonly uncheckpointed: bigint;
      /** Final state, e.g. for the next checkpoint. */
      readonly rootHash: Buffer;
      readonly chainHead: Buffer;
    }
  | {
      readonly ok: false;
      /**
       * First event that is bad — or, when only a checkpoint reveals a rewrite, the first event
       * after the last checkpoint that still matched (the rewrite lies at or after it).
       * Null when no event is implicated (a forged checkpoint).
       */
      readonly firstBadSeq: bigint | null;
      readonly reason: AuditFailureReason;
      readonly detail: string;
      /** Events 1..verifiedUpTo matched a signed checkpoint before the failure (0 if none). */
      readonly verifiedUpTo: bigint;
    };

type Failure = Extract<VerifyResult, { ok: false }>;

function wellFormed(e: StoredEvent): boolean {
  return (
    (typeof e.seq === 'bigint' || Number.isSafeInteger(e.seq)) &&
    Buffer.isBuffer(e.leafHash) &&
    e.leafHash.length === HASH_BYTES &&
    Buffer.isBuffer(e.chainHash) &&
    e.chainHash.length === HASH_BYTES &&
    Array.isArray(e.fields)
  );
}

/**
 * Checks an audit log end to end: sequence (1..n, gapless, in order), each leaf hash, the hash
 * chain, and every signed checkpoint's Merkle root (RFC 6962 §2.1) and chain head. Streams the
 * events once, holding only an O(log n) Merkle frontier besides the checkpoints.
 *
 * `events` must be ordered by seq ascending. `checkpoints` should include, besides those in the
 * database, the WITNESS copy of the latest checkpoint kept outside it: someone who can delete
 * rows can also delete checkpoint rows, and only a checkpoint they cannot reach proves how long
 * the log was (truncation). Events appended after the latest checkpoint are covered by the chain
 * alone until the next checkpoint is signed.
 */
export async function verifyAuditLog(
  events: Iterable<StoredEvent> | AsyncIterable<StoredEvent>,
  checkpoints: readonly SignedCheckpoint[],
  publicKey: KeyObject,
): Promise<VerifyResult> {
  const pending = [...checkpoints].sort((a, b) =>
    a.treeSize < b.treeSize ? -1 : a.treeSize > b.treeSize ? 1 : 0,
  );
  for (const c of pending) {
    if (!verifyCheckpointSignature(c, publicKey)) {
      const detail = `checkpoint of tree size ${c.treeSize} is not signed by the audit key`;
      return {
        ok: false,
        firstBadSeq: null,
        reason: 'checkpoint signature invalid',
        detail,
        verifiedUpTo: 0n,
      };
    }
  }

  const frontier = new MerkleFrontier();
  const stream = new Peekable(events);
  let expected = 1n;
  let previous = GENESIS_CHAIN_HASH;
  let lastCheckpoint: SignedCheckpoint | null = null;
  const verifiedUpTo = (): bigint => (lastCheckpoint as SignedCheckpoint | null)?.treeSize ?? 0n;
  const fail = (firstBadSeq: bigint | null, reason: AuditFailureReason, detail: string): Failure => ({
    ok: false,
    firstBadSeq,
    reason,
    detail,
    verifiedUpTo: verifiedUpTo(),
  });

  const matchCheckpoints = (size: bigint): Failure | undefined => {
    for (let c = pending[0]; c && c.treeSize === size; c = pending[0]) {
      if (!c.rootHash.equals(frontier.root()) || !c.chainHead.equals(previous)) {
        // The checkpoint says only that something in (last match, size] differs, not what.
        const from = verifiedUpTo() + 1n;
        return fail(
          from,
          'checkpoint mismatch (rewritten)',
          `events ${from}..${size} differ from signed checkpoint ${size}`,
        );
      }
      lastCheckpoint = c;
      pending.shift();
    }
    return undefined;
  };

  const atStart = matchCheckpoints(0n);
  if (atStart) return atStart;

  for (let e = await stream.take(); e; e = await stream.take()) {
    if (!wellFormed(e))
      return fail(expected, 'malformed event', `event at position ${expected} is malformed`);
    const seq = BigInt(e.seq);
    if (seq > expected) {
      const next = await stream.peek();
      const backwards = next !== undefined && wellFormed(next) && BigInt(next.seq) < seq;
      return backwards
        ? fail(expected, 'out of order', `seq ${seq} appears where ${expected} belongs`)
        : fail(expected, 'sequence gap (deleted)', `seq ${expected}..${seq - 1n} missing`);
    }
    if (seq === expected - 1n)
      return fail(seq, 'duplicate/unexpected seq (inserted)', `seq ${seq} appears twice`);
    if (seq < expected) return fail(seq, 'out of order', `seq ${seq} appears after ${expected - 1n}`);

    let leaf: Buffer;
    try {
      leaf = eventLeafHash(e);
    } catch {
      return fail(seq, 'malformed event', `event ${seq} cannot be encoded`);
    }
    if (!leaf.equals(e.leafHash))
      return fail(seq, 'leaf hash mismatch (modified)', `event ${seq} was modified`);
    if (e.prevHash !== previous.toString('hex') || !chainHash(previous, leaf).equals(e.chainHash)) {
      return fail(seq, 'chain hash mismatch', `event ${seq} does not link to event ${seq - 1n}`);
    }
    frontier.append(leaf);
    previous = e.chainHash;
    expected += 1n;
    const mismatch = matchCheckpoints(seq);
    if (mismatch) return mismatch;
  }

  const count = expected - 1n;
  const beyond = pending.at(-1);
  if (beyond) {
    // Events after the last matching checkpoint may have been rewritten as well as cut, so the
    // first seq we can no longer vouch for is the one after that checkpoint, not count + 1.
    const detail = `log ends at seq ${count} but a signed checkpoint covers ${beyond.treeSize}`;
    return fail(verifiedUpTo() + 1n, 'log shorter than checkpoint (truncated)', detail);
  }
  return {
    ok: true,
    count,
    lastCheckpoint,
    uncheckpointed: count - verifiedUpTo(),
    rootHash: frontier.root(),
    chainHead: previous,
  };
}
