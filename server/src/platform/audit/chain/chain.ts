import { type AuditEvent, eventLeafHash, type StoredEvent } from './event.js';
import { nodeHash, sha256 } from './hash.js';

/**
 * chainHash_0. A labelled constant rather than zeros, so a chain from another system or version
 * cannot be spliced in front of ours.
 */
export const GENESIS_CHAIN_HASH: Buffer = sha256(Buffer.from('lantern.audit.chain.genesis.v1', 'utf8'));

/** `chainHash_i = nodeHash(chainHash_{i-1}, leafHash(event_i))`, RFC 6962 §2.1 node hashing. */
export function chainHash(previous: Buffer, leaf: Buffer): Buffer {
  return nodeHash(previous, leaf);
}

/** The end of the chain: the last event's seq and chain hash (seq 0 and genesis when empty). */
export interface ChainHead {
  readonly seq: bigint;
  readonly chainHash: Buffer;
}

export const EMPTY_CHAIN_HEAD: ChainHead = { seq: 0n, chainHash: GENESIS_CHAIN_HASH };

/** What the caller supplies; seq and prevHash come from the chain head. */
export type AuditEventInput = Omit<AuditEvent, 'seq' | 'prevHash'>;

// Field names only: identifiers with dots for nesting. A value such as a person's name would
// usually contain a space or other punctuation and is refused, as a guard against leaking values.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

function assertAppendable(input: AuditEventInput): void {
  const parsed = new Date(input.at);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== input.at) {
    throw new TypeError('audit event "at" must be in Date.toISOString() form');
  }
  input.fields.forEach((name, i) => {
    // The offending entry is not echoed: it may be exactly the value we must not leak.
    if (!FIELD_NAME.test(name)) throw new TypeError(`audit "fields" entry ${i} is not a field name`);
  });
}

/**
 * The next stored event after `head`. The caller must hold the head exclusively (same
 * transaction, row lock or advisory lock) while it inserts, or two writers would fork the chain.
 */
export function nextStoredEvent(head: ChainHead, input: AuditEventInput): StoredEvent {
  assertAppendable(input);
  const event: AuditEvent = {
    id: input.id,
    at: input.at,
    actorId: input.actorId,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId,
    requestId: input.requestId,
    fields: [...input.fields],
    seq: head.seq + 1n,
    prevHash: head.chainHash.toString('hex'),
  };
  const leaf = eventLeafHash(event);
  return { ...event, leafHash: leaf, chainHash: chainHash(head.chainHash, leaf) };
}
