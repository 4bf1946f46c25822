import { createRoute } from '@tanstack/react-router';
import { adminManifest } from '#shared/modules/platform.manifests';
import { appRoute } from '../../routes/app.route';
import { AdminIcon } from '../../ui/icons';
import { defineWebModule, moduleGate } from '../module-definition';
import { usersSearch } from './users-search';

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: moduleGate(adminManifest.name, 'users:read'),
  validateSearch: usersSearch.schema,
  search: { middlewares: [usersSearch.strip] },
}).lazy(() => import('./admin.lazy').then((m) => m.adminLazyRoute));

/** Administration without access: who may see what, never what they see. */
export const adminModule = defineWebModule({
  manifest: adminManifest,
  route: adminRoute,
  nav: {
    title: 'Administration',
    group: 'Assurance',
    icon: AdminIcon,
    permission: 'users:read',
    summary:
      'Accounts with their roles, clearance and two-step verification; compartments and who is read into them, under the two-person rule.',
  },
});
