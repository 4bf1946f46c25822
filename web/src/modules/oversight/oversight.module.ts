import { OversightIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const oversightModule: ModuleDefinition = {
  path: '/oversight',
  title: 'Oversight & audit',
  group: 'Assurance',
  icon: OversightIcon,
  description: 'The compliance picture and the tamper-evident record an independent inspector checks.',
  summary: 'Expiring authorisations, overdue reviews, the audit trail and the inspection pack.',
  emptyState: {
    title: 'Compliance and audit',
    body: 'Evidence that every covert action was lawful: a tamper-evident audit of every read and write of sensitive records, and the compliance picture an independent inspector will check.',
    items: [
      'Compliance dashboard: expiring authorisations, overdue reviews, incomplete source records, status drift',
      'Tamper-evident audit trail of reads and writes of sensitive records',
      'Error register',
      'Central record of authorisations',
      'Retention reviews',
      'One-click inspection pack (PDF) for the inspector',
    ],
  },
  usedBy: ['record-keeper', 'inspector', 'designated-senior-officer'],
  // Until the compliance screens land, the module is the audit viewer: `audit:read` holders only.
  visibleTo: ['inspector', 'admin'],
};
