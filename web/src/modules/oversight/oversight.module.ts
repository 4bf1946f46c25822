import { createRoute } from '@tanstack/react-router';
import { auditManifest } from '#shared/modules/platform.manifests';
import { appRoute } from '../../routes/app.route';
import { OversightIcon } from '../../ui/icons';
import { defineWebModule, moduleGate } from '../module-definition';
import { auditSearch } from './audit.api';

const oversightRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oversight',
  beforeLoad: moduleGate(auditManifest.name, 'audit:read'),
  validateSearch: auditSearch.schema,
}).lazy(() => import('./oversight.lazy').then((m) => m.oversightLazyRoute));

/** The audit trail and its verification; the compliance screens of MISSION.md will join it here. */
export const oversightModule = defineWebModule({
  manifest: auditManifest,
  route: oversightRoute,
  nav: {
    title: 'Oversight & audit',
    group: 'Assurance',
    icon: OversightIcon,
    permission: 'audit:read',
    summary:
      'The tamper-evident audit trail of reads and writes, filtered by who, what and when, and a check of its hash chain and signed checkpoints.',
  },
});
