import { createRoute } from '@tanstack/react-router';
import { defineWebModule, moduleGate } from '../../../web/src/modules/module-definition';
import { appRoute } from '../../../web/src/routes/app.route';
import { ReportIcon } from '../../../web/src/ui/icons';
import { fixtureManifest } from '../fixture.manifest';
import { fixtureSearch } from './fixture-search';

const fixtureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/fixture',
  beforeLoad: moduleGate(fixtureManifest.name, 'fixture:read'),
  validateSearch: fixtureSearch.schema,
  search: { middlewares: [fixtureSearch.strip] },
}).lazy(() => import('./fixture.lazy').then((m) => m.fixtureLazyRoute));

/**
 * The reference module's web side (docs/ARCHITECTURE.md, "Adding a module"): shown only where the
 * installation runs the module (LANTERN_MODULES=fixture) and to holders of `fixture:read`.
 */
export const fixtureWebModule = defineWebModule({
  manifest: fixtureManifest,
  route: fixtureRoute,
  nav: {
    title: 'Reference records',
    group: 'Assurance',
    icon: ReportIcon,
    permission: 'fixture:read',
    summary: 'The reference module: records in compartments, created with a form and listed in a table.',
  },
});
