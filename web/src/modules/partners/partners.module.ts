import { PartnersIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const partnersModule: ModuleDefinition = {
  path: '/partners',
  title: 'Partners & sharing',
  group: 'Protect & share',
  icon: PartnersIcon,
  description: 'Partner agencies at home and abroad, and everything shared with them.',
  summary: 'Partner agencies and every share: classification, caveats, TLP, recipients, expiry and recall.',
  emptyState: {
    title: 'Partners and shares',
    body: 'Partner agencies at home and abroad, and every share made with them: what was sent, under which classification, caveats and handling conditions, to whom, and until when.',
    items: [
      'Partner agencies and their points of contact',
      'Shares with classification, caveats (e.g. UK EYES ONLY), TLP and handling conditions',
      'Recipients, expiry, receipts and recall',
      'STIX 2.1 export and import for OpenCTI and MISP',
    ],
  },
  usedBy: ['analyst', 'controller'],
};
