import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context';

/**
 * OpenAPI is generated from the same zod schemas that validate requests, so the docs cannot
 * drift from the code. JSON at /api/openapi.json, browsable at /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lantern API',
        version: ctx.config.version,
        description:
          'Errors are `{ error: { code, message, details? } }`. State-changing requests with a session ' +
          'must send the `lantern_csrf` cookie value in the `x-csrf-token` header. Scripts and the ' +
          '`lantern` CLI send a personal access token instead (`Authorization: Bearer lnt_…`, made under ' +
          'Account → Access tokens); it acts as its user and needs no CSRF header.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' },
          accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'lnt_ personal access token' },
        },
      },
      security: [{ session: [] }, { accessToken: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs page may not be framed either, and loads nothing from other origins.
    transformStaticCSP: (header) =>
      header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replaceAll(' https:', ''),
  });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
