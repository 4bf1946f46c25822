import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { AppContext } from '../../app-context';
import type { Actor } from '../auth/actor';
import { type Permission, permissions, rolesGrant } from '../auth/permissions';
import { resolveSession } from '../auth/session.service';
import { findUserById } from '../auth/users.repo';
import { compartmentIdsOf } from '../access/access.repo';
import { AppError } from '../errors';
import { assertCsrf } from './csrf';
import { sessionCookie } from './session-cookie';

/**
 * Every API route says who may call it: anyone (`public`) or holders of one permission.
 * `duringMfaEnrolment` marks the few routes a session that must still enrol MFA may use.
 */
export type RouteAccess = { public: true } | { permission: Permission; duringMfaEnrolment?: true };

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
 * Refuses to register an API route that declares no access rule (so none can be forgotten), and
 * enforces the rule on every request: sign-in, permission, CSRF.
 */
export function registerRouteAccess(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('mfaEnrolmentOnly', false);

  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      catalog.push({ method, url: route.url, access: route.config?.access, bodyLimit: route.bodyLimit });
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
    request.actor = await loadActor(ctx, request);
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    assertCsrf(request, true);
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
