import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type AuditVerifyResponse,
  auditEventsQuery,
  auditEventsResponse,
  auditVerifyResponse,
} from '#shared/contracts/audit';
import type { AppContext } from '../../app-context';
import { actorOf } from '../http/route-access';
import { writeAuditEvent } from './audit.service';
import type { VerifyResult } from './chain';
import { verifyAuditTrail } from './checkpoints';
import { readAuditLog } from './read-audit-log';

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
    async (request) =>
      readAuditLog(db, ctx.clock, request.query, { actorId: actorOf(request).id, requestId: request.id }),
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
        writeAuditEvent(tx, ctx.clock, {
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
