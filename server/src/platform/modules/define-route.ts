import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { RouteAccess } from '../http/route-access';
import { type RequestScope, scopeOf, type UserScope } from '../request-scope';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

/** What a handler gets: the validated request parts and the scope it acts in. */
export interface RouteInput<A extends RouteAccess, P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** A public route has no actor; every other route's actor is loaded and allowed. */
  scope: A extends { public: true } ? RequestScope : UserScope;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One API route: who may call it, what it takes and what it answers. The response schema is
 * required: what is not in it is never sent, and the web and CLI read typed answers (CONVENTIONS
 * rule 13). Every route appears in the OpenAPI document with its summary.
 */
export interface RouteDefinition<
  A extends RouteAccess = RouteAccess,
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> {
  method: Method;
  url: string;
  access: A;
  /** One line in the OpenAPI document: what the route does. */
  summary: string;
  description?: string;
  /** OpenAPI tags (default: the module's name). */
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** The success status (default 200; 201 for a creation, 202 for work accepted). */
  status?: 200 | 201 | 202 | 204;
  /** The answer's schema: fields not in it are never sent. A streamed answer (SSE) declares z.string(). */
  response: R;
  /** A larger body limit than LANTERN_BODY_LIMIT_BYTES (uploads). */
  bodyLimit?: number;
  /** Fastify route config beside `access` (e.g. rateLimit). */
  config?: Record<string, unknown>;
  /**
   * The answer (serialised by `response`), or the reply itself once the handler has sent a stream
   * on it (`reply.send(stream)`; an SSE route): Fastify then leaves it to the stream.
   */
  handler: (
    input: RouteInput<A, Infer<P>, Infer<Q>, Infer<B>>,
  ) => Promise<z.input<R> | FastifyReply | undefined>;
}

/** Declares a route, keeping the types of its schemas for its handler (the identity at run time). */
export function defineRoute<
  const A extends RouteAccess,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(route: RouteDefinition<A, P, Q, B, R>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Registers routes on `app` (or a module's encapsulated context). */
export function registerRoutes(
  app: FastifyInstance,
  clock: Clock,
  routes: readonly RouteDefinition[],
  defaultTags: string[] = [],
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const route of routes) {
    const status = route.status ?? 200;
    api.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: { ...route.config, access: route.access },
      schema: {
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: route.tags ?? defaultTags,
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
        response: { [status]: route.response },
      },
      handler: async (request, reply) => {
        const scope: RequestScope =
          'public' in route.access
            ? { actor: request.actor, requestId: request.id, clock }
            : scopeOf(request, clock);
        const result = await route.handler({
          params: request.params,
          query: request.query,
          body: request.body,
          scope: scope as UserScope,
          request,
          reply,
        } as never);
        if (reply.sent || result === reply) return reply;
        reply.status(status);
        return status === 204 ? reply.send() : result;
      },
    });
  }
}
