import { defineServerModule } from '../../server/src/platform/modules/server-module';
import { fixtureManifest } from './fixture.manifest';
import { registerFixtureModule } from './fixture.routes';
import { installFixtureModule } from './fixture.schema';

/** The reference module's server side: its table is made when it is turned on (LANTERN_MODULES=fixture). */
export const fixtureServerModule = defineServerModule({
  manifest: fixtureManifest,
  open: async (ctx) => {
    await installFixtureModule(ctx.database.db);
    return {};
  },
  setup: (scoped, ctx) => {
    void registerFixtureModule(scoped, ctx);
  },
  routes: () => [],
});
