import type { KeyObject } from 'node:crypto';
import { type AuditEventInput, type ChainHead, nextStoredEvent } from './chain.js';
import { type CheckpointSigner, type SignedCheckpoint, signCheckpoint } from './checkpoint.js';
import type { StoredEvent } from './event.js';
import { verifyAuditLog } from './verify-audit-log.js';

/**
 * What the PostgreSQL side implements. Suggested tables:
 *   audit_events(seq bigint primary key, id uuid unique, at timestamptz(3), actor_id text,
 *     action text, record_type text, record_id text, request_id text, fields text[],
 *     prev_hash text, leaf_hash bytea, chain_hash bytea)   -- INSERT only (trigger refuses UPDATE/DELETE)
 *   audit_checkpoints(tree_size bigint primary key, root_hash bytea, chain_head bytea, at text,
 *     signature bytea, key_id text)
 * Read `at` back with `toISOString()` (timestamptz(3) keeps milliseconds) so it hashes as written.
 */

/** Transaction-scoped append: called inside the transaction of the mutation being audited. */
export interface AuditAppendTx {
  /**
   * The last event's seq and chain hash (`EMPTY_CHAIN_HEAD` when none), LOCKED until the
   * transaction ends, e.g. `SELECT ... FROM audit_events ORDER BY seq DESC LIMIT 1 FOR UPDATE`
   * plus an advisory lock for the empty case, or a one-row `audit_head` table. Not a SQL
   * SEQUENCE: sequences skip numbers on rollback, and a gap reads as a deletion.
   */
  lockHead(): Promise<ChainHead>;
  insert(event: StoredEvent): Promise<void>;
}

/** Read side for verification and checkpointing. */
export interface AuditLogReader {
  /** Events with seq in [1, upTo] (all if omitted), ordered by seq, streamed in keyset pages. */
  events(upTo?: bigint): AsyncIterable<StoredEvent>;
  /** Every stored checkpoint. */
  checkpoints(): Promise<SignedCheckpoint[]>;
}

export interface CheckpointWriter {
  /** Store in the database AND write the witness copy outside it (file, other host, WORM). */
  publish(checkpoint: SignedCheckpoint): Promise<void>;
}

/** Appends one event in the caller's transaction; if this throws, the transaction must fail. */
export async function appendAuditEvent(tx: AuditAppendTx, input: AuditEventInput): Promise<StoredEvent> {
  const event = nextStoredEvent(await tx.lockHead(), input);
  await tx.insert(event);
  return event;
}

/**
 * Signs a checkpoint of the log as it is now — but only after verifying it against every earlier
 * checkpoint (and the witness), so the signer never blesses a log that was already tampered with.
 * `witness` is the last checkpoint kept outside the database, if any.
 */
export async function createCheckpoint(
  reader: AuditLogReader,
  signer: CheckpointSigner,
  at: string,
  witness: SignedCheckpoint | null = null,
  verifyKey: KeyObject = signer.publicKey,
): Promise<SignedCheckpoint> {
  const known = await reader.checkpoints();
  const result = await verifyAuditLog(reader.events(), witness ? [...known, witness] : known, verifyKey);
  if (!result.ok) {
    throw new Error(
      `audit log failed verification at seq ${result.firstBadSeq}: ${result.reason}; not signing`,
    );
  }
  return signCheckpoint(signer, {
    treeSize: result.count,
    rootHash: result.rootHash,
    chainHead: result.chainHead,
    at,
  });
}
