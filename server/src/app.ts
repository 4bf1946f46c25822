import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { AppContext } from './app-context';
import { enabledModules } from './modules';
import { registerRoutes } from './platform/modules/define-route';
import { registerAdminRoutes } from './platform/admin/admin.routes';
import { registerAuditRoutes } from './platform/audit/audit.routes';
import { registerAuthRoutes } from './platform/auth/auth.routes';
import { registerMfaRoutes } from './platform/auth/mfa/mfa.routes';
import { AppError } from './platform/errors';
import { issueCsrfCookie } from './platform/http/csrf';
import { answerRouterRefusal, registerErrorHandling } from './platform/http/error-handler';
import { auditRefusal } from './platform/http/refusal-audit';
import { registerHealthRoutes } from './platform/http/health.routes';
import { registerOpenApi } from './platform/http/openapi';
import { registerRouteAccess } from './platform/http/route-access';
import { contentSecurityPolicy } from './platform/http/security-headers';
import { registerStaticWeb } from './platform/http/static-web';
import { loggerOptions } from './platform/logging';

/** A module's route registration, as `registerModules` calls them. */

export interface BuildAppOptions {
  /** pino logger options, or false for none (tests). */
  logger?: boolean | LoggerOptions;
  /** Where the production logger options write instead of stdout (tests that read the log). */
  logStream?: DestinationStream;
}

/**
 * Builds the Fastify app: plugins, error mapper, access rules, routes. It does not listen; main.ts
 * (or a test) does.
 */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      ...loggerOptions(ctx.config.logLevel),
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    frameworkErrors: answerRouterRefusal,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, (request, error, cause) => auditRefusal(ctx, request, error, cause));

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    hsts: ctx.config.env === 'production',
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new AppError('RATE_LIMITED', 'Too many attempts; wait a minute and try again.'),
  });

  // Graceful shutdown: answers finished after close() began tell the client to drop the
  // keep-alive connection, so close() does not wait for idle sockets to time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    issueCsrfCookie(request, reply);
  });

  registerRouteAccess(app, ctx);
  await registerOpenApi(app, ctx);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerMfaRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  const demos: ModuleDemo[] = [];
  for (const module of enabledModules(ctx)) {
    const services = module.open ? await module.open(ctx) : {};
    app.addHook('onClose', async () => services.close?.());
    const demo = module.demo;
    if (demo) demos.push({ module: module.manifest.name, run: () => demo(ctx, services) });
    // Each module in its own encapsulated context: its content-type parsers and hooks stay its own.
    await app.register(async (scoped) => {
      module.setup?.(scoped, ctx, services);
      registerRoutes(scoped, ctx.clock, module.routes(ctx, services), [module.manifest.name]);
    });
  }
  await registerStaticWeb(app);
  moduleDemos.set(app, demos);
  return app;
}

/** A module's demo data, made with the services the app opened for it. */
export interface ModuleDemo {
  module: string;
  run: () => Promise<void>;
}
const moduleDemos = new WeakMap<FastifyInstance, ModuleDemo[]>();

/** The enabled modules' demo hooks, in manifest order (serve.ts runs them once the app listens). */
export function demosOf(app: FastifyInstance): readonly ModuleDemo[] {
  return moduleDemos.get(app) ?? [];
}
