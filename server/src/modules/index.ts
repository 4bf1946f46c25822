import { enabledManifests } from '#shared/modules/index';
import type { AppContext } from '../app-context';
import type { ServerModule } from '../platform/modules/server-module';
import { fixtureServerModule } from '../../../test/fixture-module/index';
import { commsServerModule } from './comms-data/index';
import { sourcesServerModule } from './sources/index';

/**
 * Every module's server side, in manifest order. Adding a module adds one line here (see
 * docs/ARCHITECTURE.md, "Adding a module").
 */
export const serverModules: readonly ServerModule[] = [
  commsServerModule,
  sourcesServerModule,
  fixtureServerModule,
];

/** The modules this installation runs: every module but the optional ones LANTERN_MODULES leaves out. */
export function enabledModules(ctx: Pick<AppContext, 'config'>): ServerModule[] {
  const enabled = new Set(enabledManifests(ctx.config.optionalModules));
  return serverModules.filter((m) => enabled.has(m.manifest));
}
