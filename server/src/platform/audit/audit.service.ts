import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client';
import type { Clock } from '../clock';
import type { RequestScope } from '../request-scope';
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

/** An audit event as a use case states it; who, when and for which request come from its scope. */
export type AuditEvent = Omit<AuditInput, 'actorId' | 'requestId'>;

/**
 * Records `event` for the scope's actor (null: the console) and request, at the scope's clock, in
 * the caller's transaction (CONVENTIONS rule 5). If it throws, the transaction fails with it: a
 * mutation or sensitive read that cannot be audited does not happen.
 */
export function recordAudit(tx: Queryable, scope: RequestScope, event: AuditEvent): Promise<StoredEvent> {
  return writeAuditEvent(tx, scope.clock, {
    ...event,
    actorId: scope.actor?.id ?? null,
    requestId: scope.requestId,
  });
}

/**
 * Writes one audit event naming its actor by id: for the platform's own events that happen before
 * there is an actor (sign-in, a refused request, two-step verification). Modules use
 * {@link recordAudit}.
 */
export function writeAuditEvent(tx: Queryable, clock: Clock, input: AuditInput): Promise<StoredEvent> {
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
