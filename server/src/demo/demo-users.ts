import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';

/**
 * One demo account per role of MISSION.md, named after the role (and a second handler). Staff of
 * the service hold Developed Vetting and see up to SECRET; the administrator runs the installation
 * without access to records and keeps the default OFFICIAL.
 */
export const demoUsers: {
  username: string;
  displayName: string;
  roles: Role[];
  clearance?: Classification;
}[] = [
  { username: 'handler', displayName: 'Sam Carter', roles: ['handler'], clearance: 'SECRET' },
  { username: 'handler2', displayName: 'Priya Nair', roles: ['handler'], clearance: 'SECRET' },
  { username: 'controller', displayName: 'Morgan Ellis', roles: ['controller'], clearance: 'SECRET' },
  {
    username: 'authorising-officer',
    displayName: 'Helen Ward',
    roles: ['authorising-officer'],
    clearance: 'SECRET',
  },
  { username: 'record-keeper', displayName: 'Tom Bryant', roles: ['record-keeper'], clearance: 'SECRET' },
  { username: 'analyst', displayName: 'Aisha Khan', roles: ['analyst'], clearance: 'SECRET' },
  { username: 'comms-spoc', displayName: 'Daniel Price', roles: ['comms-spoc'], clearance: 'SECRET' },
  {
    username: 'designated-senior-officer',
    displayName: 'Fiona Grant',
    roles: ['designated-senior-officer'],
    clearance: 'SECRET',
  },
  {
    username: 'protective-security-adviser',
    displayName: 'Owen Hughes',
    roles: ['protective-security-adviser'],
    clearance: 'SECRET',
  },
  {
    username: 'vetting-officer',
    displayName: 'Ruth Okafor',
    roles: ['vetting-officer'],
    clearance: 'SECRET',
  },
  { username: 'inspector', displayName: 'Judge Inspector (IPCO)', roles: ['inspector'], clearance: 'SECRET' },
  { username: 'admin', displayName: 'Chris Admin', roles: ['admin'] },
];
