import { sourcesManifest } from '#shared/contracts/sources.manifest';
import type { AppContext } from '../../app-context';
import { defineServerModule } from '../../platform/modules/server-module';
import { authorisationRoutes } from './authorisations.routes';
import { buildHandlingDemo } from './handling/handling.demo';
import { handlingRoutes } from './handling/handling.routes';
import { buildSourcesDemo } from './sources.demo';
import { sourceRoutes } from './sources.routes';
import { readOutEndedRoles } from './use-cases/read-out-ended-roles';

const SWEEP_MS = 60_000;

/**
 * The sources module: API under /api/sources, tables in the migration `0011_sources`. It opens a
 * sweep that reads out the holders of role periods that ended by their own date (every minute; the
 * rules already treat them as ended in between).
 */
export const sourcesServerModule = defineServerModule({
  manifest: sourcesManifest,
  open: async (ctx: AppContext) => {
    await readOutEndedRoles(ctx, ctx.clock);
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      // A failed sweep is tried again a minute later; the rules never wait for it (vault access and
      // abilities read the periods themselves), only the compartment membership does.
      running = readOutEndedRoles(ctx, ctx.clock).catch(() => undefined);
    }, SWEEP_MS);
    timer.unref();
    return {
      close: async () => {
        clearInterval(timer);
        await running;
      },
    };
  },
  routes: (ctx) => [...sourceRoutes(ctx), ...authorisationRoutes(ctx), ...handlingRoutes(ctx)],
  demo: async (ctx) => {
    await buildSourcesDemo(ctx);
    await buildHandlingDemo(ctx);
  },
});
