import type { Role } from '#shared/contracts/roles';

/**
 * What a route may require. `self` is held by every signed-in user (their own session and
 * profile). Modules add their permissions here as they land.
 */
export const permissions = [
  'self',
  'users:read',
  'users:manage',
  'compartments:manage',
  'audit:read',
  'comms:read',
  'comms:import',
  /** Destroy a dataset's acquired records (retention ended, or collateral data to delete). */
  'comms:destroy',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  handler: ['self'],
  controller: ['self'],
  'authorising-officer': ['self'],
  'record-keeper': ['self'],
  analyst: ['self', 'comms:read', 'comms:import'],
  'comms-spoc': ['self', 'comms:read', 'comms:import', 'comms:destroy'],
  'designated-senior-officer': ['self', 'comms:read', 'comms:destroy'],
  'protective-security-adviser': ['self'],
  'vetting-officer': ['self'],
  inspector: ['self', 'audit:read', 'comms:read'],
  // Administration without access: the admin manages who may see what but holds no permission
  // that reads records; what they see of records is decided by their own memberships alone.
  admin: ['self', 'users:read', 'users:manage', 'compartments:manage', 'audit:read'],
};

/** Pure: does any of these roles grant the permission? */
export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => grants[role].includes(permission));
}
