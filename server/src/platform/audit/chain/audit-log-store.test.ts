import { describe, expect, it } from 'vitest';
import {
  type AuditAppendTx,
  type AuditLogReader,
  appendAuditEvent,
  createCheckpoint,
} from './audit-log-store.js';
import { type ChainHead, EMPTY_CHAIN_HEAD } from './chain.js';
import type { SignedCheckpoint } from './checkpoint.js';
import type { StoredEvent } from './event.js';
import { eventInput, memorySigner } from './test-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

/** The in-memory shape of what the lead implements on PostgreSQL. */
class MemoryAuditLog implements AuditAppendTx, AuditLogReader {
  readonly rows: StoredEvent[] = [];
  readonly saved: SignedCheckpoint[] = [];
  async lockHead(): Promise<ChainHead> {
    const last = this.rows.at(-1);
    return last ? { seq: BigInt(last.seq), chainHash: last.chainHash } : EMPTY_CHAIN_HEAD;
  }
  async insert(event: StoredEvent): Promise<void> {
    this.rows.push(event);
  }
  async *events(): AsyncIterable<StoredEvent> {
    yield* this.rows;
  }
  async checkpoints(): Promise<SignedCheckpoint[]> {
    return this.saved;
  }
}

describe('appendAuditEvent and createCheckpoint', () => {
  it('append gapless events and sign checkpoints that verify', async () => {
    const store = new MemoryAuditLog();
    const signer = memorySigner();
    for (let i = 0; i < 10; i += 1) await appendAuditEvent(store, eventInput(i));
    store.saved.push(await createCheckpoint(store, signer, '2025-03-01T00:00:00.000Z'));
    for (let i = 10; i < 13; i += 1) await appendAuditEvent(store, eventInput(i));
    store.saved.push(await createCheckpoint(store, signer, '2025-03-02T00:00:00.000Z'));
    expect(store.rows.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => BigInt(i + 1)));
    expect(await verifyAuditLog(store.rows, store.saved, signer.publicKey)).toMatchObject({
      ok: true,
      count: 13n,
    });
  });

  it('refuses to sign a log that no longer matches an earlier checkpoint', async () => {
    const store = new MemoryAuditLog();
    const signer = memorySigner();
    for (let i = 0; i < 5; i += 1) await appendAuditEvent(store, eventInput(i));
    store.saved.push(await createCheckpoint(store, signer, '2025-03-01T00:00:00.000Z'));
    store.rows.pop();
    await expect(createCheckpoint(store, signer, '2025-03-02T00:00:00.000Z')).rejects.toThrow(/not signing/);
  });
});
