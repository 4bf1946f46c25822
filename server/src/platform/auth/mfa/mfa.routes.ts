import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mfaDetails, totpCodeRequest, totpConfirmResponse, totpEnrolResponse } from '#shared/contracts/auth';
import type { AppContext } from '../../../app-context';
import { actorOf } from '../../http/route-access';
import { setSessionCookie } from '../../http/session-cookie';
import { confirmTotp } from './use-cases/confirm-totp';
import { disableTotp } from './use-cases/disable-totp';
import { enrolTotp } from './use-cases/enrol-totp';
import { mfaDetailsOf } from './use-cases/mfa-status';

/**
 * Two-step verification for the signed-in user. Status, enrol and confirm are open to a session
 * restricted to enrolment (production, no TOTP yet); disabling is not.
 */
export function registerMfaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Codes are six digits: guessing one through an open session is slowed like sign-in is.
  const codeRateLimit = { max: ctx.config.signInAttemptsPerMinute, timeWindow: '1 minute' };

  api.get(
    '/api/auth/mfa',
    {
      config: { access: { permission: 'self', duringMfaEnrolment: true } },
      schema: {
        tags: ['auth'],
        summary: 'Two-step verification status of the signed-in user',
        response: { 200: mfaDetails },
      },
    },
    async (request) => mfaDetailsOf(ctx.database.db, ctx, actorOf(request).id, request.mfaEnrolmentOnly),
  );

  api.post(
    '/api/auth/mfa/totp/enrol',
    {
      config: { access: { permission: 'self', duringMfaEnrolment: true } },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a new, unconfirmed secret and its QR code',
        response: { 200: totpEnrolResponse },
      },
    },
    async (request) => enrolTotp(ctx, actorOf(request), request.id),
  );

  api.post(
    '/api/auth/mfa/totp/confirm',
    {
      config: { access: { permission: 'self', duringMfaEnrolment: true }, rateLimit: codeRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a current code; returns the recovery codes once',
        body: totpCodeRequest,
        response: { 200: totpConfirmResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await confirmTotp(
        ctx,
        {
          userId: actor.id,
          code: request.body.code,
          sessionTokenHash: request.sessionTokenHash,
          userAgent: request.headers['user-agent'],
        },
        request.id,
      );
      setSessionCookie(request, reply, result.token, result.expiresAt);
      request.log.info({ userId: actor.id }, 'two-step verification enabled');
      return { recoveryCodes: result.recoveryCodes, mfa: { enabled: true, enrolmentRequired: false } };
    },
  );

  api.post(
    '/api/auth/mfa/totp/disable',
    {
      config: { access: { permission: 'self' }, rateLimit: codeRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Switch TOTP off with a current code (refused in production)',
        body: totpCodeRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await disableTotp(ctx, { userId: actor.id, code: request.body.code }, request.id);
      request.log.info({ userId: actor.id }, 'two-step verification disabled');
      return reply.status(204).send(null);
    },
  );
}
