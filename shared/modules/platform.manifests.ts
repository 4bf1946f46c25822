import { roles } from '../contracts/roles';
import { defineManifest } from './manifest';

/** Every signed-in user: their own session, profile, two-step verification and access tokens. */
export const accountManifest = defineManifest({
  name: 'account',
  title: 'Account',
  permissions: { self: { description: 'Your own session, profile and security settings', roles } },
  compartmentKinds: [],
});

/**
 * Administration without access: who may see what, never what they see. None of these
 * permissions opens a compartment.
 */
export const adminManifest = defineManifest({
  name: 'admin',
  title: 'Administration',
  permissions: {
    'users:read': { description: 'See accounts, their roles, clearances and memberships', roles: ['admin'] },
    'users:manage': {
      description: 'Create, change and disable accounts; reset two-step verification',
      roles: ['admin'],
    },
    'compartments:manage': {
      description: 'Create compartments and read users into them (two-person rule)',
      roles: ['admin'],
    },
  },
  compartmentKinds: [],
});

/** The audit trail: what was done and read, by whom, verifiable by anyone holding the key. */
export const auditManifest = defineManifest({
  name: 'audit',
  title: 'Audit trail',
  permissions: {
    'audit:read': { description: 'Read the audit trail and verify its chain', roles: ['inspector', 'admin'] },
  },
  compartmentKinds: [],
});
