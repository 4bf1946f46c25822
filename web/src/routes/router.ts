import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { moduleRoutes } from '../modules';
import { appRoute } from './app.route';
import { rootRoute } from './root.route';
import { dashboardRoute, notFoundRoute } from './shell.routes';
import { signInRoute } from './sign-in.route';

export const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([dashboardRoute, ...moduleRoutes, notFoundRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Route data comes from TanStack Query, which has its own freshness rules.
    defaultPreloadStaleTime: 0,
    scrollRestoration: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
