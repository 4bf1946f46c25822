import { z } from 'zod';

/** The roles of MISSION.md. A user may hold several; what each may do is in platform/auth/permissions.ts. */
export const roles = [
  'handler',
  'controller',
  'authorising-officer',
  'record-keeper',
  'analyst',
  'comms-spoc',
  'designated-senior-officer',
  'protective-security-adviser',
  'vetting-officer',
  'inspector',
  'admin',
] as const;

export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const roleLabels: Record<Role, string> = {
  handler: 'Handler',
  controller: 'Controller',
  'authorising-officer': 'Authorising officer',
  'record-keeper': 'Record keeper',
  analyst: 'Analyst',
  'comms-spoc': 'Comms-data SPoC',
  'designated-senior-officer': 'Designated senior officer',
  'protective-security-adviser': 'Protective-security adviser',
  'vetting-officer': 'Vetting officer',
  inspector: 'Inspector',
  admin: 'Administrator',
};
