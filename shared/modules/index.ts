import type { Role } from '../contracts/roles';
import { commsManifest } from '../contracts/comms.manifest';
import { fixtureManifest } from '../../test/fixture-module/fixture.manifest';
import { sourcesManifest } from '../contracts/sources.manifest';
import type { ModuleManifest } from './manifest';
import { accountManifest, adminManifest, auditManifest } from './platform.manifests';

/**
 * Every module's manifest, platform first. Adding a module adds one line here (and one in each
 * side's registry: server/src/modules/index.ts, web/src/modules/index.ts, cli/src/modules.ts).
 */
export const manifests = [
  accountManifest,
  adminManifest,
  auditManifest,
  commsManifest,
  sourcesManifest,
  fixtureManifest,
] as const;

type Manifests = typeof manifests;
type PermissionsOf<M> = M extends ModuleManifest<infer P, string> ? P : never;
type KindsOf<M> = M extends ModuleManifest<string, infer K> ? K : never;

/** Everything a route may require: one typed union, derived from the manifests. */
export type Permission = PermissionsOf<Manifests[number]>;
/** The kinds of compartment records live in, derived from the manifests. */
export type CompartmentKind = KindsOf<Manifests[number]>;

export const permissions: readonly Permission[] = manifests.flatMap(
  (m) => Object.keys(m.permissions) as Permission[],
);

export const compartmentKinds = [
  ...new Set(manifests.flatMap((m): readonly CompartmentKind[] => m.compartmentKinds)),
] as [CompartmentKind, ...CompartmentKind[]];

const grants: ReadonlyMap<Permission, readonly Role[]> = new Map(
  manifests.flatMap((m) =>
    Object.entries<{ roles: readonly Role[] }>(m.permissions).map(
      ([permission, grant]) => [permission as Permission, grant.roles] as const,
    ),
  ),
);

/** Pure: does any of these roles grant the permission? */
export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  const holders = grants.get(permission) ?? [];
  return roles.some((role) => holders.includes(role));
}

/** Every permission these roles hold, in manifest order (what /api/auth/me tells the client). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return permissions.filter((p) => rolesGrant(roles, p));
}

/** The modules an installation runs: all but the optional ones it does not name (LANTERN_MODULES). */
export function enabledManifests(optionalModules: readonly string[]): ModuleManifest[] {
  return manifests.filter((m) => !('optional' in m && m.optional) || optionalModules.includes(m.name));
}

/** The manifest of a module by name. */
export function manifestNamed(name: string): ModuleManifest | undefined {
  return manifests.find((m) => m.name === name);
}
