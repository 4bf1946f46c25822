import { InvestigationsIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const investigationsModule: ModuleDefinition = {
  path: '/investigations',
  title: 'Investigations',
  group: 'Intelligence',
  icon: InvestigationsIcon,
  description: 'Operations, subjects of interest and graded intelligence, prioritised.',
  summary: 'Live operations, subjects of interest and intelligence reports graded 3x5x2 with handling codes.',
  emptyState: {
    title: 'Operations and subjects of interest',
    body: 'The operations you work on and their subjects of interest, by priority, with the latest graded intelligence on each. Closed subjects stay searchable.',
    items: [
      'Live operations, their priority and the team working each',
      'Subjects of interest, individuals and groups, each with an individual justification and statutory purpose',
      'Intelligence reports graded 3x5x2, with handling codes',
      'Sanitised products made from source reporting, with provenance kept',
      'Tasks, timelines and post-incident reviews',
    ],
  },
  usedBy: ['handler', 'controller', 'analyst'],
};
