import { commsManifest } from '#shared/contracts/comms.manifest';
import { defineServerModule } from '../../platform/modules/server-module';
import { openCommsServices } from './comms-services';
import { analysisRoutes } from './http/analyses.routes';
import { datasetRoutes } from './http/datasets.routes';
import { importRoutes } from './http/imports.routes';
import { profileRoutes } from './http/profiles.routes';
import { acceptUploads } from './http/upload-parser';
import { watchlistRoutes } from './http/watchlist.routes';
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
  // Module-scoped: only this module's upload routes take a raw file as the body.
  setup: (scoped) => acceptUploads(scoped),
  routes: (ctx, services) => [
    ...datasetRoutes(ctx, services),
    ...importRoutes(ctx, services),
    ...profileRoutes(ctx, services),
    ...analysisRoutes(ctx, services),
    ...watchlistRoutes(ctx, services),
  ],
});
