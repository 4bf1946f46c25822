import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context';
import { openCommsServices } from './comms-services';
import { completeDestructions } from './use-cases/destroy-dataset';
import { recoverInterruptedImports } from './use-cases/recover-interrupted-imports';
import { registerAnalysisRoutes } from './http/comms-analyses.routes';
import { registerDatasetRoutes } from './http/comms-datasets.routes';
import { registerImportRoutes } from './http/comms-imports.routes';
import { registerProfileRoutes } from './http/comms-profiles.routes';
import { registerWatchlistRoutes } from './http/comms-watchlist.routes';

/**
 * The comms-data module's API under /api/comms. Registered in its own encapsulated context so the
 * upload content-type parser applies to these routes only. DuckDB files, graph snapshots, uploads
 * and rejects files live under `$LANTERN_DATA_DIR/comms/`; running imports finish before close.
 */
export async function registerCommsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const services = openCommsServices(ctx.database, ctx.clock, ctx.config.dataDir);
  app.addHook('onClose', () => services.close());
  await recoverInterruptedImports(services);
  await completeDestructions(services);
  await app.register(async (scoped) => {
    registerDatasetRoutes(scoped, ctx, services);
    registerImportRoutes(scoped, ctx, services);
    registerProfileRoutes(scoped, ctx, services);
    registerAnalysisRoutes(scoped, ctx, services);
    registerWatchlistRoutes(scoped, ctx);
  });
}
