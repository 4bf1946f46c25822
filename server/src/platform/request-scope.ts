import type { FastifyRequest } from 'fastify';
import type { Actor } from './auth/actor';
import type { Clock } from './clock';
import { AppError } from './errors';

/**
 * Who a use case acts for, the request it serves and the clock it reads: the one shape every use
 * case takes and every audit event is written from. `actor` is null for the console (offline
 * admin commands, the demo seed, the system's own sweeps), which acts as the installation's
 * operator and is read into nothing.
 */
export interface RequestScope {
  actor: Actor | null;
  requestId: string | null;
  clock: Clock;
}

/** A signed-in user's request: what need-to-know and `withActorTx` need. */
export interface UserScope extends RequestScope {
  actor: Actor;
  requestId: string;
}

/** The scope of a request behind a permission (the route access rule has loaded the actor). */
export function scopeOf(request: FastifyRequest, clock: Clock): UserScope {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return { actor: request.actor, requestId: request.id, clock };
}

/** The console's scope: offline admin commands and the demo seed. */
export function consoleScope(clock: Clock): RequestScope {
  return { actor: null, requestId: null, clock };
}

/** Refuses a console scope where a user is needed (need-to-know has no console). */
export function userOf(scope: RequestScope): Actor {
  if (!scope.actor) throw new Error('this needs a signed-in user, not the console');
  return scope.actor;
}
