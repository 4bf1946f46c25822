import { createRoute, redirect } from '@tanstack/react-router';
import { accountManifest } from '#shared/modules/platform.manifests';
import { appRoute } from '../../routes/app.route';
import { defineWebModule } from '../module-definition';

/** Account pages: reached from the top bar (no navigation entry), open to every signed-in user. */
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account' });

const accountIndexRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/account/security', replace: true });
  },
});

const securityRoute = createRoute({ getParentRoute: () => accountRoute, path: '/security' }).lazy(() =>
  import('./account.lazy').then((m) => m.securityLazyRoute),
);

const tokensRoute = createRoute({ getParentRoute: () => accountRoute, path: '/tokens' }).lazy(() =>
  import('./account.lazy').then((m) => m.tokensLazyRoute),
);

export const accountModule = defineWebModule({
  manifest: accountManifest,
  route: accountRoute.addChildren([accountIndexRoute, securityRoute, tokensRoute]),
});
