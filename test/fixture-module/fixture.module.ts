import type { AppContext } from '#server/app-context';
import { defineServerModule } from '#server/platform/modules/server-module';
import { buildFixtureDemo } from './fixture.factory';
import { fixtureManifest } from './fixture.manifest';
import { fixtureRoutes } from './fixture.routes';
import { installFixtureModule } from './fixture.schema';

/**
 * The reference module's server side: its manifest, its table (made when the module is turned on,
 * LANTERN_MODULES=fixture; see fixture.schema.ts), its routes and its demo data.
 */
export const fixtureServerModule = defineServerModule({
  manifest: fixtureManifest,
  open: async (ctx: AppContext) => {
    await installFixtureModule(ctx.database.db);
    return {};
  },
  routes: (ctx) => fixtureRoutes(ctx),
  demo: (ctx) => buildFixtureDemo(ctx),
});
