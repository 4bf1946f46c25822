import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type AuditEventView,
  type AuditVerifyResponse,
  auditEventsQuery,
  auditEventsResponse,
  auditVerifyResponse,
} from '#shared/contracts/audit';
import type { AppContext } from '../../app-context';
import { findUserByUsername, usernamesByIds } from '../auth/users.repo';
import { actorOf } from '../http/route-access';
import { searchAuditEvents } from './audit.repo';
import { recordAudit } from './audit.service';
import type { VerifyResult } from './chain';
import { verifyAuditTrail } from './checkpoints';

/** Bigints travel as decimal strings: JSON numbers lose precision past 2^53. */
export function presentVerifyResult(result: VerifyResult): AuditVerifyResponse {
  if (!result.ok) {
    return {
      ok: false,
      firstBadSeq: result.firstBadSeq === null ? null : String(result.firstBadSeq),
      reason: result.reason,
      detail: result.detail,
      verifiedUpTo: String(result.verifiedUpTo),
    };
  }
  const cp = result.lastCheckpoint;
  return {
    ok: true,
    count: String(result.count),
    uncheckpointed: String(result.uncheckpointed),
    lastCheckpoint: cp ? { treeSize: String(cp.treeSize), at: cp.at, keyId: cp.keyId } : null,
  };
}

/** The audit viewer of the inspector and the administrator: search the log, verify the chain. */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { access: { permission: 'audit:read' } } as const;

  api.get(
    '/api/audit/events',
    {
      config,
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, keyset-paged by seq',
        querystring: auditEventsQuery,
        response: { 200: auditEventsResponse },
      },
    },
    async (request) => {
      const query = request.query;
      let actorId = query.actorId;
      if (query.actor !== undefined) {
        const named = await findUserByUsername(db, query.actor);
        // An unknown name matches nothing; a name and an id that disagree match nothing either.
        if (!named || (actorId !== undefined && actorId !== named.id))
          return { events: [], nextBeforeSeq: null };
        actorId = named.id;
      }
      const rows = await searchAuditEvents(db, {
        actorId,
        recordType: query.recordType,
        recordId: query.recordId,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
        beforeSeq: query.beforeSeq === undefined ? undefined : BigInt(query.beforeSeq),
        limit: query.limit,
      });
      const names = await usernamesByIds(
        db,
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
    },
  );

  api.post(
    '/api/audit/verify',
    {
      config,
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain and the signed checkpoints',
        response: { 200: auditVerifyResponse },
      },
    },
    async (request) => {
      const result = await verifyAuditTrail(db, ctx.config.keyDir);
      // The verification is itself on the record, whatever it found.
      await db.transaction((tx) =>
        recordAudit(tx, ctx.clock, {
          actorId: actorOf(request).id,
          action: 'audit.verify',
          recordType: 'audit-log',
          requestId: request.id,
          fields: [],
        }),
      );
      return presentVerifyResult(result);
    },
  );
}
