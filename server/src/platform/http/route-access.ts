import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { AppContext } from '../../app-context';
import type { Actor } from '../auth/actor';
import { type Permission, permissions, rolesGrant } from '../auth/permissions';
import { resolveSession } from '../auth/session.service';
import type { UserRow } from '../auth/auth.schema';
import { bearerSecretOf, resolveAccessToken, type TokenRefusal } from '../auth/tokens/access-token';
import { BearerThrottle } from '../auth/tokens/bearer-throttle';
import { findUserById } from '../auth/users.repo';
import { writeAuditEvent } from '../audit/audit.service';
import { compartmentIdsOf } from '../access/access.repo';
import { AppError } from '../errors';
import { assertCsrf } from './csrf';
import type { Queryable } from '../../db/client';
import { safeError } from '../logging';
import { sessionCookie } from './session-cookie';

/**
 * Every API route says who may call it: anyone (`public`) or holders of one permission.
 * `duringMfaEnrolment` marks the few routes a session that must still enrol MFA may use.
 *
 * A personal access token (`Authorization: Bearer lnt_…`, ADR 0021) reaches every route its
 * user's permissions reach, except the account's own (`self`: sessions, two-step verification,
 * making tokens), which need a signed-in session unless the route says `bearer: true` — so a
 * leaked token can neither mint more tokens nor take over the second factor.
 */
export type RouteAccess =
  | { public: true }
  | { permission: Permission; duringMfaEnrolment?: true; bearer?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route registered, with its access rule: what the route tests enumerate. */
    routeCatalog: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    /** The personal access token the request acts with (null: a session, or nobody). */
    accessTokenId: string | null;
    /** The session may only enrol MFA (LANTERN_ENV=production and no TOTP yet). */
    mfaEnrolmentOnly: boolean;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The route's own body limit in bytes (uploads); undefined: LANTERN_BODY_LIMIT_BYTES. */
  bodyLimit: number | undefined;
  /** The schemas its request is validated with (zod, for routes made by defineRoute): what the fuzzer generates from. */
  schemas: { params?: unknown; querystring?: unknown; body?: unknown };
}

/** Routes outside /api (static files, docs) are public by nature; API routes must declare. */
export function requiresDeclaredAccess(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

function isRouteAccess(value: unknown): value is RouteAccess {
  if (!value || typeof value !== 'object') return false;
  if ('public' in value) return value.public === true;
  return 'permission' in value && (permissions as readonly unknown[]).includes(value.permission);
}

async function loadActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[sessionCookie];
  if (!token) return null;
  const { db } = ctx.database;
  const session = await resolveSession(db, ctx.clock, ctx.config.session, token);
  if (!session) return null;
  const user = await findUserById(db, session.userId);
  // Disabled users lose access on their very next request.
  if (!user || user.disabledAt) return null;
  request.sessionTokenHash = session.tokenHash;
  request.mfaEnrolmentOnly = session.mfaEnrolmentOnly;
  return actorFor(db, user);
}

/** The actor a user acts as, read afresh: roles, clearance and compartments as of this request. */
async function actorFor(db: Queryable, user: UserRow): Promise<Actor> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Actor['roles'],
    clearance: user.clearance as Actor['clearance'],
    caveats: user.caveats,
    compartmentIds: await compartmentIdsOf(db, user.id),
  };
}

/**
 * The actor of a bearer request: the token's user, as of now. An unknown, revoked or expired
 * token, or one whose user is disabled, is refused (401) and audited by reason, never by value;
 * an address that keeps presenting bad tokens is throttled like sign-in.
 */
async function loadTokenActor(
  ctx: AppContext,
  throttle: BearerThrottle,
  request: FastifyRequest,
  secret: string,
): Promise<Actor> {
  if (throttle.isBlocked(request.ip))
    throw new AppError('RATE_LIMITED', 'Too many attempts; wait a minute and try again.');
  const { db } = ctx.database;
  const resolved = await resolveAccessToken(db, ctx.clock, secret);
  const user = resolved.ok ? await findUserById(db, resolved.token.userId) : undefined;
  if (resolved.ok && user && !user.disabledAt) {
    request.accessTokenId = resolved.token.id;
    return actorFor(db, user);
  }
  const reason: TokenRefusal | 'user-disabled' = resolved.ok ? 'user-disabled' : resolved.reason;
  // Only a token nobody made is a guess; a revoked or expired one was once real.
  if (reason === 'malformed' || reason === 'unknown') throttle.recordFailure(request.ip);
  try {
    await writeAuditEvent(db, ctx.clock, {
      actorId: null,
      action: 'auth.token-rejected',
      recordType: 'personal_access_token',
      recordId: resolved.ok ? resolved.token.id : resolved.tokenId,
      requestId: request.id,
      fields: [reason],
    });
  } catch (auditError) {
    request.log.error({ err: safeError(auditError) }, 'could not audit a refused access token');
  }
  throw new AppError(
    'UNAUTHENTICATED',
    reason === 'expired'
      ? 'This access token has expired; create a new one under Account → Access tokens.'
      : 'This access token is not valid (unknown or revoked); create a new one under Account → Access tokens.',
  );
}

/**
 * Refuses to register an API route that declares no access rule (so none can be forgotten), and
 * enforces the rule on every request: sign-in, permission, CSRF.
 */
export function registerRouteAccess(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('accessTokenId', null);
  app.decorateRequest('mfaEnrolmentOnly', false);
  const throttle = new BearerThrottle(ctx.clock, ctx.config.signInAttemptsPerMinute);

  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      catalog.push({
        method,
        url: route.url,
        access: route.config?.access,
        bodyLimit: route.bodyLimit,
        schemas: {
          params: route.schema?.params,
          querystring: route.schema?.querystring,
          body: route.schema?.body,
        },
      });
    if (!requiresDeclaredAccess(route.url)) return;
    if (!isRouteAccess(route.config?.access)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access).`);
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // static files and docs
    if ('public' in access) {
      assertCsrf(request, Boolean(request.cookies[sessionCookie]));
      return;
    }
    const bearer = bearerSecretOf(request.headers.authorization);
    if (bearer === undefined) {
      request.actor = await loadActor(ctx, request);
      if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    } else {
      request.actor = await loadTokenActor(ctx, throttle, request, bearer);
      if (access.permission === 'self' && !access.bearer)
        throw new AppError('FORBIDDEN', 'This needs a signed-in session; an access token cannot do it.');
    }
    // CSRF protects cookies: a bearer request without one needs no token, one with a session
    // cookie is checked as any cookie request is (the bearer never excuses the cookie).
    assertCsrf(request, Boolean(request.cookies[sessionCookie]));
    if (request.mfaEnrolmentOnly && !access.duringMfaEnrolment) {
      throw new AppError('MFA_ENROLMENT_REQUIRED', 'Set up two-step verification before using Lantern.');
    }
    if (!rolesGrant(request.actor.roles, access.permission)) {
      throw new AppError('FORBIDDEN', `This needs the ${access.permission} permission.`);
    }
  });
}

/** For route handlers behind a permission: the actor is always there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.actor;
}
