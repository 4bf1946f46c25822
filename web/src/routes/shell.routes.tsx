import { createRoute } from '@tanstack/react-router';
import { DashboardPage } from '../modules/dashboard/dashboard-page';
import { NotFoundPage } from '../modules/not-found/not-found-page';
import { appRoute } from './app.route';

/** The pages of the shell itself; the modules' pages come from the registry (modules/index.ts). */
export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: DashboardPage,
});

/** Unknown paths for a signed-in user: a 404 inside the shell (and sign-in first for everyone else). */
export const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});
