import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../auth/session';
import { isApiError } from './client';

/** Retrying cannot fix a refusal: only network failures and server errors are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (isApiError(error)) return error.status === 0 || error.status >= 500;
  return true;
}

export function createQueryClient(): QueryClient {
  // A session that ends while the app is open (expiry, sign-out elsewhere) surfaces as an
  // UNAUTHENTICATED error on whatever was being fetched; forgetting the user sends the shell to sign-in.
  const onError = (error: unknown) => {
    if (isApiError(error, 'UNAUTHENTICATED')) queryClient.setQueryData(sessionQueryKey, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
