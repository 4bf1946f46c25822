import { generateKeyPairSync, sign } from 'node:crypto';
import {
  type AuditEventInput,
  chainHash,
  EMPTY_CHAIN_HEAD,
  GENESIS_CHAIN_HASH,
  nextStoredEvent,
} from './chain.js';
import { type CheckpointSigner, type SignedCheckpoint, signCheckpoint } from './checkpoint.js';
import { type AuditEvent, eventLeafHash, type StoredEvent } from './event.js';
import { merkleTreeHead } from './merkle.js';

/* Test fixtures for the audit chain: building valid logs and signing their checkpoints. */

export function memorySigner(): CheckpointSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { publicKey, sign: async (message) => sign(null, message, privateKey) };
}

export function eventInput(i: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    actorId: `user-${i % 3}`,
    action: i % 2 ? 'source.update' : 'source.read',
    recordType: 'source',
    recordId: `rec-${i % 5}`,
    requestId: `req-${i}`,
    fields: i % 2 ? ['trueName', 'handler.id'] : [],
    ...overrides,
  };
}

/** Chains `inputs` into stored events from genesis. */
export function buildLog(inputs: readonly AuditEventInput[]): StoredEvent[] {
  const log: StoredEvent[] = [];
  let head = EMPTY_CHAIN_HEAD;
  for (const input of inputs) {
    const event = nextStoredEvent(head, input);
    log.push(event);
    head = { seq: BigInt(event.seq), chainHash: event.chainHash };
  }
  return log;
}

/** A signed checkpoint of the first `size` events of `log`. */
export async function checkpointAt(
  log: readonly StoredEvent[],
  size: number,
  signer: CheckpointSigner,
): Promise<SignedCheckpoint> {
  const prefix = log.slice(0, size);
  return signCheckpoint(signer, {
    treeSize: BigInt(size),
    rootHash: merkleTreeHead(prefix.map((e) => e.leafHash)),
    chainHead: prefix.at(-1)?.chainHash ?? EMPTY_CHAIN_HEAD.chainHash,
    at: new Date(Date.UTC(2025, 1, 1) + size).toISOString(),
  });
}

/**
 * Re-chains events from position `from` (0-based) onward exactly as an attacker with write access
 * and our code would: renumber seq gaplessly, recompute prevHash, leaf and chain hashes.
 */
export function rechain(events: readonly StoredEvent[], from: number): StoredEvent[] {
  const out = events.slice(0, from);
  let previous = from === 0 ? GENESIS_CHAIN_HASH : out[from - 1]!.chainHash;
  for (const e of events.slice(from)) {
    const body: AuditEvent = { ...e, seq: out.length + 1, prevHash: previous.toString('hex') };
    const leaf = eventLeafHash(body);
    const next: StoredEvent = { ...body, leafHash: leaf, chainHash: chainHash(previous, leaf) };
    out.push(next);
    previous = next.chainHash;
  }
  return out;
}
