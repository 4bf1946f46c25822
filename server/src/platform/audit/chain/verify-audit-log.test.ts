import { beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckpoint } from './checkpoint.js';
import { eventLeafHash, type StoredEvent } from './event.js';
import { buildLog, checkpointAt, eventInput, memorySigner, rechain } from './test-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

const signer = memorySigner();
const key = signer.publicKey;
let log: StoredEvent[];
let checkpoints: SignedCheckpoint[];

beforeAll(async () => {
  log = buildLog(Array.from({ length: 20 }, (_, i) => eventInput(i)));
  checkpoints = [await checkpointAt(log, 8, signer), await checkpointAt(log, 20, signer)];
});

async function* slowly(events: StoredEvent[]): AsyncIterable<StoredEvent> {
  for (const e of events) yield e;
}

describe('verifyAuditLog', () => {
  it('accepts an intact log from an array or an async stream', async () => {
    const fromArray = await verifyAuditLog(log, checkpoints, key);
    expect(fromArray).toMatchObject({ ok: true, count: 20n, uncheckpointed: 0n });
    expect(fromArray.ok && fromArray.lastCheckpoint?.treeSize).toBe(20n);
    expect(await verifyAuditLog(slowly(log), checkpoints, key)).toMatchObject({ ok: true, count: 20n });
  });

  it('accepts an empty log, and reports events past the last checkpoint', async () => {
    expect(await verifyAuditLog([], [], key)).toMatchObject({ ok: true, count: 0n, lastCheckpoint: null });
    expect(await verifyAuditLog(log, checkpoints.slice(0, 1), key)).toMatchObject({
      ok: true,
      uncheckpointed: 12n,
    });
  });

  const cases: [string, () => StoredEvent[], string, bigint | null][] = [
    [
      'a modified field',
      () => log.map((e, i) => (i === 4 ? { ...e, actorId: 'someone-else' } : e)),
      'leaf hash mismatch (modified)',
      5n,
    ],
    ['a deleted event', () => log.filter((_, i) => i !== 6), 'sequence gap (deleted)', 7n],
    [
      'a duplicated event',
      () => [...log.slice(0, 5), log[4]!, ...log.slice(5)],
      'duplicate/unexpected seq (inserted)',
      5n,
    ],
    [
      'two swapped events',
      () => [...log.slice(0, 3), log[9]!, ...log.slice(4, 9), log[3]!, ...log.slice(10)],
      'out of order',
      4n,
    ],
    [
      'a re-hashed leaf without re-chaining',
      () => log.map((e, i) => (i === 2 ? relabel(e) : e)),
      'chain hash mismatch',
      3n,
    ],
    [
      'a rewritten chain',
      () =>
        rechain(
          log.map((e, i) => (i === 10 ? { ...e, action: 'x' } : e)),
          10,
        ),
      'checkpoint mismatch (rewritten)',
      9n,
    ],
    ['a truncated tail', () => log.slice(0, 15), 'log shorter than checkpoint (truncated)', 9n],
  ];

  it.each(cases)('detects %s', async (_name, tamper, reason, firstBadSeq) => {
    const result = await verifyAuditLog(tamper(), checkpoints, key);
    expect(result).toMatchObject({ ok: false, reason, firstBadSeq });
  });

  it('detects a checkpoint signed by another key', async () => {
    const forged = await checkpointAt(log, 20, memorySigner());
    expect(await verifyAuditLog(log, [forged], key)).toMatchObject({
      ok: false,
      reason: 'checkpoint signature invalid',
      firstBadSeq: null,
    });
  });

  it('detects a truncation when the database checkpoints were deleted too, through the witness', async () => {
    const witness = checkpoints[1]!;
    const result = await verifyAuditLog(log.slice(0, 12), [checkpoints[0]!, witness], key);
    expect(result).toMatchObject({
      ok: false,
      reason: 'log shorter than checkpoint (truncated)',
      firstBadSeq: 9n,
      verifiedUpTo: 8n,
    });
  });

  it('reports a malformed row instead of throwing', async () => {
    const broken = log.map((e, i) => (i === 3 ? { ...e, leafHash: Buffer.alloc(3) } : e));
    expect(await verifyAuditLog(broken, checkpoints, key)).toMatchObject({
      ok: false,
      reason: 'malformed event',
      firstBadSeq: 4n,
    });
  });
});

/** Changes content and recomputes only that event's leaf hash (not the chain). */
function relabel(e: StoredEvent): StoredEvent {
  const changed = { ...e, action: 'tampered' };
  return { ...changed, leafHash: eventLeafHash(changed) };
}
