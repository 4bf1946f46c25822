import type { SessionUser } from '../api/auth.api';
import { holds, runs } from '../auth/abilities';
import { accountModule } from './account/account.module';
import { adminModule } from './admin/admin.module';
import { commsModule } from './comms/comms.module';
import { type ModuleGroup, moduleGroups } from './module-definition';
import { oversightModule } from './oversight/oversight.module';
import { sourcesModule } from './sources/sources.module';
import { fixtureWebModule } from '../../../test/fixture-module/web/index';

export { type ModuleGroup, moduleGroups, type NavEntry, type WebModule } from './module-definition';

/**
 * Every module's web side, in navigation order. Adding a module: its folder under modules/ (a
 * `<name>.module.ts` with `defineWebModule`, lazy pages) and one line here. Modules not built yet
 * are not listed: the navigation and the dashboard say what exists.
 */
export const webModules = [
  sourcesModule,
  commsModule,
  oversightModule,
  adminModule,
  accountModule,
  fixtureWebModule,
] as const;

/** The route trees of all modules, for the router. */
export const moduleRoutes = webModules.map((module) => module.route);

/** The navigation entries this user is shown: the module runs here and they hold its permission. */
export function navEntriesFor(user: Pick<SessionUser, 'permissions' | 'modules'> | null | undefined) {
  return webModules.flatMap((module) =>
    module.nav && runs(user, module.manifest.name) && holds(user, module.nav.permission) ? [module.nav] : [],
  );
}

/** The same entries by group, in the order of `moduleGroups`, empty groups left out. */
export function navGroupsFor(user: Pick<SessionUser, 'permissions' | 'modules'> | null | undefined) {
  const entries = navEntriesFor(user);
  return moduleGroups
    .map((group: ModuleGroup) => ({ group, entries: entries.filter((entry) => entry.group === group) }))
    .filter((g) => g.entries.length > 0);
}
