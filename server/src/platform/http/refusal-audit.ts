import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context';
import { writeAuditEvent } from '../audit/audit.service';
import { CryptoError } from '../crypto';
import type { AppError } from '../errors';
import { safeError } from '../logging';
import { sessionCookie } from './session-cookie';

/**
 * Which refusals leave an audit trace: probing records out of reach (404 on a real route, 403),
 * forged or replayed CSRF, dead sessions presented again, actions a rule refused (e.g. an admin
 * granting themselves access), and integrity failures such as a
 * ciphertext copied to another row. Anonymous 404s for unknown paths are not (scanner noise).
 */
function refusalAction(request: FastifyRequest, error: AppError, cause: unknown): string | undefined {
  if (cause instanceof CryptoError) return 'integrity.decrypt-failed';
  const onRoute = Boolean(request.routeOptions.url);
  switch (error.code) {
    case 'NOT_FOUND':
      return onRoute && request.actor ? 'access.denied' : undefined;
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
      return 'access.denied';
    case 'RULE_VIOLATION':
      return request.actor ? 'rule.refused' : undefined;
    case 'UNAUTHENTICATED':
      return request.cookies[sessionCookie] ? 'auth.session-rejected' : undefined;
    default:
      return undefined;
  }
}

/**
 * Writes the trace in its own transaction (the request's has rolled back). A failure to audit a
 * refusal is logged, never turned into a different answer for the client.
 */
export async function auditRefusal(
  ctx: AppContext,
  request: FastifyRequest,
  error: AppError,
  cause: unknown,
) {
  const action = refusalAction(request, error, cause);
  if (!action) return;
  const params = request.params as Record<string, unknown> | undefined;
  const recordId = typeof params?.id === 'string' ? params.id.slice(0, 100) : null;
  try {
    await writeAuditEvent(ctx.database.db, ctx.clock, {
      actorId: request.actor?.id ?? null,
      action,
      recordType: request.routeOptions.url ?? null,
      recordId,
      requestId: request.id,
      fields: [error.code],
    });
  } catch (auditError) {
    request.log.error({ err: safeError(auditError) }, 'could not audit a refused request');
  }
}
