import { canonicalJson } from './canonical-json.js';
import { leafHash } from './hash.js';

/**
 * One audit event, as hashed. `fields` holds the NAMES of the fields a mutation or read touched,
 * never their values: the audit table must not become a second copy of the secrets it guards.
 */
export interface AuditEvent {
  /** Position in the log, gapless from 1. */
  readonly seq: bigint | number;
  readonly id: string;
  /** UTC instant in `Date.prototype.toISOString()` form (millisecond precision, `Z`). */
  readonly at: string;
  /** Null only for events the system itself causes (migrations, scheduled jobs). */
  readonly actorId: string | null;
  readonly action: string;
  readonly recordType: string | null;
  readonly recordId: string | null;
  readonly requestId: string | null;
  readonly fields: readonly string[];
  /** Hex chain hash of event seq-1 (the genesis value for seq 1). */
  readonly prevHash: string;
}

/** An event as stored: with its leaf hash and chain hash (bytea columns). */
export interface StoredEvent extends AuditEvent {
  readonly leafHash: Buffer;
  readonly chainHash: Buffer;
}

/** Version tag inside the encoding, so a future event shape can never hash like this one. */
const EVENT_ENCODING_VERSION = 'lantern.audit.event.v1';

/**
 * Canonical bytes of an event: canonical JSON (sorted keys) of exactly the `AuditEvent` fields,
 * UTF-8. Extra properties on the object (hashes, database columns) are ignored, and `fields` keeps
 * its stored order so that any byte change, even reordering, shows.
 */
export function canonicalEventBytes(event: AuditEvent): Buffer {
  const json = canonicalJson({
    v: EVENT_ENCODING_VERSION,
    seq: BigInt(event.seq).toString(10),
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    requestId: event.requestId,
    fields: [...event.fields],
    prevHash: event.prevHash,
  });
  return Buffer.from(json, 'utf8');
}

/** RFC 6962 §2.1 leaf hash of the event's canonical bytes. */
export function eventLeafHash(event: AuditEvent): Buffer {
  return leafHash(canonicalEventBytes(event));
}
