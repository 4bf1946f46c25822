import { queryOptions } from '@tanstack/react-query';
import { fetchCurrentUser, type SessionUser } from '../api/auth.api';
import { isApiError } from '../api/client';

export const sessionQueryKey = ['session'] as const;

/**
 * The signed-in user, or null when there is no session. A 401 is an answer here, not an error:
 * it is how the app learns it must show the sign-in page.
 */
export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async ({ signal }): Promise<SessionUser | null> => {
    try {
      return await fetchCurrentUser(signal);
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/**
 * Where to go after signing in. Only paths inside this app are accepted, so a crafted
 * `?redirect=https://elsewhere` link cannot bounce a user off-site after they sign in.
 */
export function safeRedirectPath(target: string | undefined): string {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return '/';
  }
  if (target === '/sign-in' || target.startsWith('/sign-in?')) return '/';
  return target;
}
