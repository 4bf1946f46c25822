import { createRoute } from '@tanstack/react-router';
import { commsManifest } from '#shared/contracts/comms.manifest';
import { appRoute } from '../../routes/app.route';
import { CommsIcon } from '../../ui/icons';
import { defineWebModule, moduleGate } from '../module-definition';

const commsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/comms',
  beforeLoad: moduleGate(commsManifest.name, 'comms:read'),
}).lazy(() => import('./comms.lazy').then((m) => m.commsLazyRoute));

export const commsModule = defineWebModule({
  manifest: commsManifest,
  route: commsRoute,
  nav: {
    title: 'Communications data',
    group: 'Intelligence',
    icon: CommsIcon,
    permission: 'comms:read',
    summary:
      'Datasets of acquired call, message and location records, imported and analysed through the lantern command and the API; no screens yet.',
  },
});
