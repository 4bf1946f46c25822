import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client';
import type { Clock } from '../clock';
import { pgAuditAppender } from './audit.repo';
import { appendAuditEvent, type StoredEvent } from './chain';

export interface AuditInput {
  actorId: string | null;
  /** Verb-noun, e.g. `user.create`, `source.read-identity`, `auth.sign-in`. */
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  requestId?: string | null;
  /** NAMES of the fields changed or read — never their values. */
  fields?: readonly string[];
}

/** Who makes a change: the acting user (null for the CLI or the system), the request, the clock. */
export interface ChangeAuthor {
  actorId: string | null;
  requestId?: string | null;
  clock: Clock;
}

/** {@link recordAudit} for a change made by `by`: the actor, request and clock come from it. */
export function recordChange(
  tx: Queryable,
  by: ChangeAuthor,
  event: Omit<AuditInput, 'actorId' | 'requestId'>,
): Promise<StoredEvent> {
  return recordAudit(tx, by.clock, { ...event, actorId: by.actorId, requestId: by.requestId ?? null });
}

/**
 * Writes one audit event in the caller's transaction (CONVENTIONS rule 5). If it throws, the
 * transaction fails with it: a mutation or sensitive read that cannot be audited does not happen.
 */
export function recordAudit(tx: Queryable, clock: Clock, input: AuditInput): Promise<StoredEvent> {
  return appendAuditEvent(pgAuditAppender(tx), {
    id: randomUUID(),
    at: clock.now().toISOString(),
    actorId: input.actorId,
    action: input.action,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    requestId: input.requestId ?? null,
    fields: [...(input.fields ?? [])],
  });
}
