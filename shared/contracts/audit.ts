import { z } from 'zod';
import { instant } from './time';
import { singleLineText } from './text';

const seqString = singleLineText().regex(/^\d{1,19}$/, 'a sequence number');

/** Filters of the audit viewer; all optional, newest first, keyset-paged by `beforeSeq`. */
export const auditEventsQuery = z.strictObject({
  actorId: singleLineText().min(1).max(64).optional(),
  /** Username of the actor (the inspector cannot list users, so the viewer filters by name). */
  actor: singleLineText().min(1).max(64).optional(),
  recordType: singleLineText().min(1).max(64).optional(),
  recordId: singleLineText().min(1).max(200).optional(),
  from: instant().optional(),
  to: instant().optional(),
  beforeSeq: seqString.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventsQuery = z.input<typeof auditEventsQuery>;

export const auditEventView = z.object({
  seq: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  requestId: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditEventsResponse = z.object({
  events: z.array(auditEventView),
  /** Pass as `beforeSeq` for the next (older) page; null when this page is the last. */
  nextBeforeSeq: z.string().nullable(),
});
export type AuditEventsResponse = z.infer<typeof auditEventsResponse>;

export const checkpointView = z.object({ treeSize: z.string(), at: z.string(), keyId: z.string() });
export type CheckpointView = z.infer<typeof checkpointView>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Events checked (ok). */
  count: z.string().optional(),
  firstBadSeq: z.string().nullable().optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
  /** Events 1..verifiedUpTo matched a signed checkpoint before a failure. */
  verifiedUpTo: z.string().optional(),
  lastCheckpoint: checkpointView.nullable().optional(),
  /** Events after the last checkpoint, covered by the hash chain alone. */
  uncheckpointed: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
