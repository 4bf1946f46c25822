import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '#shared/contracts/health';
import type { AppContext } from '../../app-context';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database engine in use',
        response: { 200: healthResponse },
      },
    },
    async () => {
      // A trivial query proves the database answers, not just that the process is up.
      const ok = await ctx.database.db
        .execute(sql`select 1`)
        .then(() => true)
        .catch(() => false);
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        db: ctx.database.engine,
        version: ctx.config.version,
      };
    },
  );
}
