import type { Role } from '#shared/contracts/roles';

/**
 * What a route may require. `self` is held by every signed-in user (their own session and
 * profile). Modules add their permissions here as they land.
 */
export const permissions = ['self', 'users:read', 'users:manage', 'audit:read'] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  handler: ['self'],
  controller: ['self'],
  'authorising-officer': ['self'],
  'record-keeper': ['self'],
  analyst: ['self'],
  'comms-spoc': ['self'],
  'designated-senior-officer': ['self'],
  'protective-security-adviser': ['self'],
  'vetting-officer': ['self'],
  inspector: ['self', 'audit:read'],
  admin: ['self', 'users:read', 'users:manage', 'audit:read'],
};

/** Pure: does any of these roles grant the permission? */
export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => grants[role].includes(permission));
}
