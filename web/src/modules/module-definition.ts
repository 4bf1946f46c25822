import { type AnyRoute, notFound } from '@tanstack/react-router';
import type { Permission } from '#shared/modules/index';
import type { ModuleManifest } from '#shared/modules/manifest';
import { holds, runs } from '../auth/abilities';
import { sessionQuery } from '../auth/session';
import type { RouterContext } from '../routes/root.route';
import type { IconComponent } from '../ui/icons';

export type ModuleGroup = 'Intelligence' | 'Protect & share' | 'Assurance';

/** The order of the navigation's groups (MISSION.md). */
export const moduleGroups: readonly ModuleGroup[] = ['Intelligence', 'Protect & share', 'Assurance'];

/** A module's entry in the navigation and its card on the dashboard. */
export interface NavEntry<TPath extends string = string> {
  /** The module route's path (taken from the route, so it cannot drift). */
  path: TPath;
  title: string;
  group: ModuleGroup;
  icon: IconComponent;
  /** Shown only to users who hold it (and only if the installation runs the module). */
  permission: Permission;
  /** What the module holds now, for its dashboard card: what exists, nothing more. */
  summary: string;
}

/**
 * A module's web side: its manifest (shared with server and CLI), its route tree (components
 * lazy-loaded, one chunk per module) and, if it has one, its navigation entry. Registered by one
 * line in `modules/index.ts`.
 */
export interface WebModule<TRoute extends AnyRoute = AnyRoute> {
  manifest: ModuleManifest;
  route: TRoute;
  nav?: NavEntry<TRoute['fullPath']>;
}

/**
 * Declares a module's web side. The navigation entry's permission must be one of the module's
 * own (checked by the compiler against the manifest).
 */
export function defineWebModule<P extends Permission, TRoute extends AnyRoute>(module: {
  manifest: ModuleManifest<P, string>;
  route: TRoute;
  nav?: Omit<NavEntry, 'path' | 'permission'> & { permission: NoInfer<P> };
}): WebModule<TRoute> {
  const { manifest, route, nav } = module;
  if (!nav) return { manifest, route };
  // A route knows its full path only once the router has built the tree: read it when asked.
  const entry: NavEntry<TRoute['fullPath']> = {
    ...nav,
    get path() {
      return route.fullPath;
    },
  };
  return { manifest, route, nav: entry };
}

/**
 * A module route's `beforeLoad`: a user who lacks the permission, or an installation that does not
 * run the module, gets the not-found page — as the API answers what one may not see (rule 3).
 */
export function moduleGate(moduleName: string, permission: Permission) {
  return async ({ context }: { context: RouterContext }): Promise<void> => {
    const user = await context.queryClient.ensureQueryData(sessionQuery);
    if (!runs(user, moduleName) || !holds(user, permission)) throw notFound();
  };
}
