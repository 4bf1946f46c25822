import { createRoute, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { SignInPage } from '../auth/sign-in-page';
import { safeRedirectPath, sessionQuery } from '../auth/session';
import { rootRoute } from './root.route';

const signInSearch = z.object({ redirect: z.string().optional().catch(undefined) });

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: signInSearch,
  beforeLoad: async ({ context, search }) => {
    const user = await context.queryClient.ensureQueryData(sessionQuery);
    if (user) throw redirect({ href: safeRedirectPath(search.redirect), replace: true });
  },
  component: SignInPage,
});
