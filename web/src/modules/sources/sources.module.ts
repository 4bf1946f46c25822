import { SourcesIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const sourcesModule: ModuleDefinition = {
  path: '/sources',
  title: 'Sources',
  group: 'Intelligence',
  icon: SourcesIcon,
  description:
    'Covert human intelligence sources and the officers who handle them, from prospect to retention.',
  summary:
    'Pseudonyms, authorisations, tasking, meetings, risk assessments and reviews of the sources you handle.',
  emptyState: {
    title: 'Source register',
    body: 'The register of covert human intelligence sources you are cleared to see: pseudonyms, reference numbers, authorisation status and next review date. True identities stay in the vault.',
    items: [
      'The life of each source: prospect, approval to approach, recruitment, authorisation, cancellation, retention',
      'Tasking, contacts and secure meetings, with fall-back contact methods',
      'Intelligence obtained and where it was disseminated',
      'Rewards, expenses and offers, and disclosures the source has made to others',
      'Security and welfare risk assessments, re-assessed when events happen',
      'Reviews and renewals due, with the extra rules for juvenile and vulnerable sources',
    ],
  },
  usedBy: ['handler', 'controller', 'authorising-officer', 'record-keeper'],
};
