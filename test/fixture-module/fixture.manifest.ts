import { roles } from '../../shared/contracts/roles';

const staff = roles.filter((role) => role !== 'admin');
import { defineManifest } from '../../shared/modules/manifest';

/**
 * The reference module (docs/ARCHITECTURE.md, "Adding a module"): protected records the way every
 * domain module has them. Off unless LANTERN_MODULES names it: tests and the reader of the code
 * use it, an installation does not. Every role but the administrator's holds its permissions, so
 * what each person sees is decided by need-to-know alone (compartments and markings); the inspector
 * is read-only by policy. The administrator, as in every module, holds none (administration without
 * access).
 */
export const fixtureManifest = defineManifest({
  name: 'fixture',
  title: 'Reference records',
  permissions: {
    'fixture:read': { description: 'See the reference records one is read into', roles: staff },
    'fixture:write': { description: 'Create, change and delete reference records', roles: staff },
  },
  compartmentKinds: ['fixture'],
  optional: true,
});
