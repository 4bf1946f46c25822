import { ReportIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const publicReportsModule: ModuleDefinition = {
  path: '/public-reports',
  title: 'Public reports',
  group: 'Protect & share',
  icon: ReportIcon,
  description: 'Concerns reported by the public, triaged and followed up without exposing the reporter.',
  summary: 'Concerns reported through the public portal, triaged and turned into graded intelligence.',
  emptyState: {
    title: 'Triage queue',
    body: 'Concerns the public report through the portal, waiting for triage. Reporters are protected: no IP addresses and no tracking are kept, and follow-up runs anonymously through a receipt code.',
    items: [
      'New reports waiting for triage, oldest first',
      'Anonymous two-way follow-up with the reporter by receipt code',
      'Reports promoted into graded intelligence',
      'Portal content: threat level explanation, answers about agents, careers eligibility checker',
    ],
  },
  usedBy: ['analyst'],
};
