import { and, asc, desc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { auditCheckpoints, auditEvents, auditHead } from './audit.schema';
import {
  type AuditAppendTx,
  type AuditLogReader,
  type ChainHead,
  EMPTY_CHAIN_HEAD,
  type SignedCheckpoint,
  type StoredEvent,
} from './chain';

type EventRow = typeof auditEvents.$inferSelect;

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    requestId: row.requestId,
    fields: row.fields,
    prevHash: row.prevHash,
    leafHash: row.leafHash,
    chainHash: row.chainHash,
  };
}

/** Appends inside the caller's transaction; the head row lock keeps `seq` gapless across writers. */
export function pgAuditAppender(tx: Queryable): AuditAppendTx {
  return {
    async lockHead(): Promise<ChainHead> {
      const rows = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
      const head = rows[0];
      if (!head) throw new Error('audit_head row is missing: run the migrations');
      return head.seq === 0n ? EMPTY_CHAIN_HEAD : { seq: head.seq, chainHash: head.chainHash };
    },
    async insert(event: StoredEvent): Promise<void> {
      await tx.insert(auditEvents).values({
        seq: BigInt(event.seq),
        id: event.id,
        at: new Date(event.at),
        actorId: event.actorId,
        action: event.action,
        recordType: event.recordType,
        recordId: event.recordId,
        requestId: event.requestId,
        fields: [...event.fields],
        prevHash: event.prevHash,
        leafHash: event.leafHash,
        chainHash: event.chainHash,
      });
      await tx
        .update(auditHead)
        .set({ seq: BigInt(event.seq), chainHash: event.chainHash })
        .where(eq(auditHead.id, 1));
    },
  };
}

const pageSize = 1000;

/** Streams the log in keyset pages ordered by seq (constant memory for any log size). */
export function pgAuditReader(q: Queryable): AuditLogReader {
  return {
    async *events(upTo?: bigint): AsyncIterable<StoredEvent> {
      let after = 0n;
      for (;;) {
        const conditions = [gt(auditEvents.seq, after)];
        if (upTo !== undefined) conditions.push(lte(auditEvents.seq, upTo));
        const rows = await q
          .select()
          .from(auditEvents)
          .where(and(...conditions))
          .orderBy(asc(auditEvents.seq))
          .limit(pageSize);
        for (const row of rows) yield toStoredEvent(row);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.seq;
      }
    },
    async checkpoints(): Promise<SignedCheckpoint[]> {
      const rows = await q.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.treeSize));
      return rows.map((r) => ({
        treeSize: r.treeSize,
        rootHash: r.rootHash,
        chainHead: r.chainHead,
        at: r.at,
        signature: r.signature,
        keyId: r.keyId,
      }));
    },
  };
}

export async function insertCheckpoint(q: Queryable, cp: SignedCheckpoint): Promise<void> {
  await q
    .insert(auditCheckpoints)
    .values({
      treeSize: cp.treeSize,
      rootHash: cp.rootHash,
      chainHead: cp.chainHead,
      at: cp.at,
      signature: cp.signature,
      keyId: cp.keyId,
    })
    .onConflictDoNothing();
}

export async function headSeq(q: Queryable): Promise<bigint> {
  const rows = await q.select({ seq: auditHead.seq }).from(auditHead).where(eq(auditHead.id, 1));
  return rows[0]?.seq ?? 0n;
}

export async function latestCheckpointSize(q: Queryable): Promise<bigint> {
  const rows = await q
    .select({ size: auditCheckpoints.treeSize })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.treeSize))
    .limit(1);
  return rows[0]?.size ?? 0n;
}

export interface AuditQuery {
  actorId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: bigint | undefined;
  limit: number;
}

/** Newest first, keyset-paged by seq, for the audit viewer. */
export async function searchAuditEvents(q: Queryable, query: AuditQuery): Promise<StoredEvent[]> {
  const conditions: SQL[] = [];
  if (query.actorId) conditions.push(eq(auditEvents.actorId, query.actorId));
  if (query.recordType) conditions.push(eq(auditEvents.recordType, query.recordType));
  if (query.recordId) conditions.push(eq(auditEvents.recordId, query.recordId));
  if (query.from) conditions.push(gte(auditEvents.at, query.from));
  if (query.to) conditions.push(lte(auditEvents.at, query.to));
  if (query.beforeSeq !== undefined) conditions.push(sql`${auditEvents.seq} < ${query.beforeSeq}`);
  const rows = await q
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit);
  return rows.map(toStoredEvent);
}
