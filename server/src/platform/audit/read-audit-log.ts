import type { z } from 'zod';
import type { AuditEventsResponse, AuditEventView, auditEventsQuery } from '#shared/contracts/audit';
import type { Db, Queryable } from '../../db/client';
import { findUserByUsername, usernamesByIds } from '../auth/users.repo';
import type { Clock } from '../clock';
import { searchAuditEvents } from './audit.repo';
import { writeAuditEvent } from './audit.service';

export type AuditLogQuery = z.infer<typeof auditEventsQuery>;

/** One page of the audit viewer's search, newest first. */
async function searchAuditLog(q: Queryable, query: AuditLogQuery): Promise<AuditEventsResponse> {
  let actorId = query.actorId;
  if (query.actor !== undefined) {
    const named = await findUserByUsername(q, query.actor);
    // An unknown name matches nothing; a name and an id that disagree match nothing either.
    if (!named || (actorId !== undefined && actorId !== named.id)) return { events: [], nextBeforeSeq: null };
    actorId = named.id;
  }
  const rows = await searchAuditEvents(q, {
    actorId,
    recordType: query.recordType,
    recordId: query.recordId,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
    beforeSeq: query.beforeSeq === undefined ? undefined : BigInt(query.beforeSeq),
    limit: query.limit,
  });
  const names = await usernamesByIds(
    q,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  const events: AuditEventView[] = rows.map((r) => ({
    seq: String(r.seq),
    at: r.at,
    actorId: r.actorId,
    actorUsername: r.actorId ? (names.get(r.actorId) ?? null) : null,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId,
    requestId: r.requestId,
    fields: [...r.fields],
  }));
  const last = rows.at(-1);
  return { events, nextBeforeSeq: rows.length === query.limit && last ? String(last.seq) : null };
}

/**
 * A page of the audit log for the inspector or the administrator. The read is itself on the record
 * (rule 5): who searched and by which filters (their names, never their values), written in the
 * reading transaction after the search, so it is not in its own answer and a read that cannot be
 * audited is not answered.
 */
export function readAuditLog(
  db: Db,
  clock: Clock,
  query: AuditLogQuery,
  by: { actorId: string; requestId: string },
): Promise<AuditEventsResponse> {
  return db.transaction(async (tx) => {
    const page = await searchAuditLog(tx, query);
    await writeAuditEvent(tx, clock, {
      ...by,
      action: 'audit.read',
      recordType: 'audit-log',
      fields: Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([name]) => name)
        .sort(),
    });
    return page;
  });
}
