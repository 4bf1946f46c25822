import { AdminIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const adminModule: ModuleDefinition = {
  path: '/admin',
  title: 'Administration',
  group: 'Assurance',
  icon: AdminIcon,
  description: 'Accounts, roles, MFA, sessions, compartments and classification markings.',
  summary: 'Accounts, roles, MFA, sessions, need-to-know compartments and classification markings.',
  emptyState: {
    title: 'Identity and access',
    body: 'User accounts, roles, multi-factor authentication, sessions, need-to-know compartments and classification markings. Administrators manage access; they cannot read source identities.',
    items: [
      'Accounts and their roles',
      'MFA enrolment (TOTP now, WebAuthn later) and active sessions',
      'Need-to-know compartments and classification markings',
      'A record is visible only to users who hold every marking on it and its compartment',
    ],
  },
  usedBy: ['admin'],
  visibleTo: ['admin'],
};
