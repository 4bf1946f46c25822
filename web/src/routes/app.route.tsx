import { createRoute, redirect } from '@tanstack/react-router';
import { enrolmentRedirect } from '../auth/mfa-gate';
import { sessionQuery } from '../auth/session';
import { AppShell } from '../layout/app-shell';
import { NotFoundPage } from '../modules/not-found/not-found-page';
import { rootRoute } from './root.route';

/** Every page behind sign-in hangs off this pathless layout; visitors without a session go to /sign-in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(sessionQuery);
    if (!user) {
      const target = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/sign-in', search: { redirect: target }, replace: true });
    }
    // A session that must still enrol two-step verification sees only the security page.
    const enrol = enrolmentRedirect(user, location.pathname);
    if (enrol) throw redirect({ href: enrol, replace: true });
  },
  component: AppShell,
  // A module page the user may not open (moduleGate) is not found, inside the shell.
  notFoundComponent: () => (
    <AppShell>
      <NotFoundPage />
    </AppShell>
  ),
});
