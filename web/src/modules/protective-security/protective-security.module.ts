import { ShieldIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const protectiveSecurityModule: ModuleDefinition = {
  path: '/protective-security',
  title: 'Protective security',
  group: 'Protect & share',
  icon: ShieldIcon,
  description: 'Critical national infrastructure: assets, assessments, vulnerabilities and advice.',
  summary:
    'Critical national infrastructure assets across 13 sectors, their assessments and the advice issued.',
  emptyState: {
    title: 'Critical national infrastructure register',
    body: 'The register of critical national infrastructure assets across the 13 sectors, with their physical, personnel and cyber assessments, known vulnerabilities and the advice issued to them.',
    items: [
      'Assets by sector and owner',
      'Physical, personnel and cyber assessments',
      'Vulnerabilities and their remediation',
      'Advice issued and its follow-up, including advice driven by threat level changes',
    ],
  },
  usedBy: ['protective-security-adviser'],
};
