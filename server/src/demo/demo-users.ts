import type { Role } from '#shared/contracts/roles';

/** One demo account per role of MISSION.md, named after the role (and a second handler). */
export const demoUsers: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'handler', displayName: 'Sam Carter', roles: ['handler'] },
  { username: 'handler2', displayName: 'Priya Nair', roles: ['handler'] },
  { username: 'controller', displayName: 'Morgan Ellis', roles: ['controller'] },
  { username: 'authorising-officer', displayName: 'Helen Ward', roles: ['authorising-officer'] },
  { username: 'record-keeper', displayName: 'Tom Bryant', roles: ['record-keeper'] },
  { username: 'analyst', displayName: 'Aisha Khan', roles: ['analyst'] },
  { username: 'comms-spoc', displayName: 'Daniel Price', roles: ['comms-spoc'] },
  { username: 'designated-senior-officer', displayName: 'Fiona Grant', roles: ['designated-senior-officer'] },
  {
    username: 'protective-security-adviser',
    displayName: 'Owen Hughes',
    roles: ['protective-security-adviser'],
  },
  { username: 'vetting-officer', displayName: 'Ruth Okafor', roles: ['vetting-officer'] },
  { username: 'inspector', displayName: 'Judge Inspector (IPCO)', roles: ['inspector'] },
  { username: 'admin', displayName: 'Chris Admin', roles: ['admin'] },
];
