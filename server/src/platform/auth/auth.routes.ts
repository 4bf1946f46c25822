import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meResponse, signInRequest, signInResponse } from '#shared/contracts/auth';
import { enabledManifests } from '#shared/modules/index';
import { permissionsOf } from './permissions';
import type { AppContext } from '../../app-context';
import { actorOf } from '../http/route-access';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../http/session-cookie';
import { writeAuditEvent } from '../audit/audit.service';
import { registerRoutes } from '../modules/define-route';
import { mfaStatusOf } from './mfa/use-cases/mfa-status';
import { endSession } from './session.service';
import { accessTokenRoutes } from './tokens/tokens.routes';
import { signIn } from './use-cases/sign-in';
import { presentUser } from './user.presenter';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/sign-in',
    {
      config: {
        access: { public: true },
        rateLimit: { max: ctx.config.signInAttemptsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        body: signInRequest,
        response: { 200: signInResponse },
      },
    },
    async (request, reply) => {
      const result = await signIn(ctx, request.body, {
        previousToken: request.cookies[sessionCookie],
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSessionCookie(request, reply, result.token, result.expiresAt);
      request.log.info({ userId: result.user.id, mfaEnrolmentOnly: result.mfaEnrolmentOnly }, 'signed in');
      return { user: presentUser(result.user) };
    },
  );

  api.post(
    '/api/auth/sign-out',
    {
      config: { access: { permission: 'self', duringMfaEnrolment: true } },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      const actor = actorOf(request);
      await ctx.database.db.transaction(async (tx) => {
        if (token) await endSession(tx, token);
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          action: 'auth.sign-out',
          recordType: 'user',
          recordId: actor.id,
          requestId: request.id,
        });
      });
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/auth/me',
    {
      // Also with an access token: how `lantern login` checks the token it is given.
      config: { access: { permission: 'self', duringMfaEnrolment: true, bearer: true } },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        user: presentUser(actor),
        mfa: await mfaStatusOf(ctx.database.db, ctx, actor.id, request.mfaEnrolmentOnly),
        permissions: permissionsOf(actor.roles),
        clearance: actor.clearance,
        caveats: actor.caveats,
        modules: enabledManifests(ctx.config.optionalModules).map((m) => m.name),
      };
    },
  );

  registerRoutes(app, ctx.clock, accessTokenRoutes(ctx), ['auth']);
}
