/**
 * What a route may require: the union of every module manifest's permissions
 * (shared/modules/index.ts). A module declares its own permissions and the roles that hold them
 * in its manifest; nothing here changes when a module is added.
 */
export { type Permission, permissions, permissionsOf, rolesGrant } from '#shared/modules/index';
