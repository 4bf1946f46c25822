import { commsManifest } from '#shared/contracts/comms.manifest';
import { defineServerModule } from '../../platform/modules/server-module';
import { openCommsServices } from './comms-services';
import { registerAnalysisRoutes } from './http/comms-analyses.routes';
import { registerDatasetRoutes } from './http/comms-datasets.routes';
import { registerImportRoutes } from './http/comms-imports.routes';
import { registerProfileRoutes } from './http/comms-profiles.routes';
import { registerWatchlistRoutes } from './http/comms-watchlist.routes';
import { completeDestructions } from './use-cases/destroy-dataset';
import { recoverInterruptedImports } from './use-cases/recover-interrupted-imports';

/**
 * The comms-data module: API under /api/comms. DuckDB files, graph snapshots, uploads and rejects
 * files live under `$LANTERN_DATA_DIR/comms/`; running imports finish before close.
 */
export const commsServerModule = defineServerModule({
  manifest: commsManifest,
  open: async (ctx) => {
    const services = openCommsServices(ctx.database, ctx.clock, ctx.config.dataDir);
    await recoverInterruptedImports(services);
    await completeDestructions(services);
    return services;
  },
  setup: (scoped, ctx, services) => {
    registerDatasetRoutes(scoped, ctx, services);
    registerImportRoutes(scoped, ctx, services);
    registerProfileRoutes(scoped, ctx, services);
    registerAnalysisRoutes(scoped, ctx, services);
    registerWatchlistRoutes(scoped, ctx);
  },
  routes: () => [],
});
