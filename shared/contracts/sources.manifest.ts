import { defineManifest } from '../modules/manifest';

/**
 * Sources (RIPA Part II, the CHIS Code 2022, the Source Records Regulations 2000): the register of
 * covert human intelligence sources, their true-identity vault, the s.29(5) roles and the legal
 * life of each authorisation. Every source is its own compartment (kind `source`): a permission
 * opens the module, need-to-know opens a source. The module's own rules (who holds which role on
 * which source) decide the rest, and their refusals name the rule. The administrator holds none of
 * these permissions (administration without access).
 */
export const sourcesManifest = defineManifest({
  name: 'sources',
  title: 'Sources',
  permissions: {
    'sources:read': {
      description: 'See the sources one is read into: register, roles, authorisations and alerts',
      roles: ['handler', 'controller', 'authorising-officer', 'record-keeper', 'inspector'],
    },
    'sources:handle': {
      description:
        'Register prospects, keep the identity vault and the roles, record recruitment, apply for authorisations, renewals, reviews and criminal conduct authorisations',
      roles: ['handler', 'controller'],
    },
    'sources:authorise': {
      description:
        'Approve approaches; grant, refuse, renew and cancel authorisations; consider reviews; decide criminal conduct authorisations and record Judicial Commissioner notices and approvals',
      roles: ['authorising-officer'],
    },
    'sources:records': {
      description: 'Read and export the central record of authorisations',
      roles: ['record-keeper', 'inspector', 'controller', 'authorising-officer'],
    },
  },
  compartmentKinds: ['source'],
});
