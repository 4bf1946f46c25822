import { ThreatLevelIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const threatLevelsModule: ModuleDefinition = {
  path: '/threat-levels',
  title: 'Threat levels',
  group: 'Protect & share',
  icon: ThreatLevelIcon,
  description: 'The national and Northern Ireland threat levels, their history and justification.',
  summary:
    'The national and Northern Ireland threat levels, with the history and justification of every change.',
  emptyState: {
    title: 'National threat levels',
    body: 'The current national threat level and the Northern Ireland level, with the history of changes and the justification recorded for each. The current level is published on the public site.',
    items: [
      'Current national and Northern Ireland levels',
      'History of changes, each with its justification',
      'Publication to the public portal banner',
      'Advice for infrastructure assets triggered when a level changes',
    ],
  },
  usedBy: ['analyst', 'designated-senior-officer', 'protective-security-adviser'],
};
