import { queryOptions } from '@tanstack/react-query';
import {
  accessTokenPage,
  type CreateAccessTokenRequest,
  type CreateAccessTokenResponse,
  createAccessTokenResponse,
} from '#shared/contracts/tokens';
import { api } from '../../api/client';

/** The user's own access tokens, newest first (never their secrets). */
export const accessTokensQuery = queryOptions({
  queryKey: ['account', 'tokens'] as const,
  queryFn: ({ signal }) => api.get('/api/auth/tokens?limit=500&sort=-createdAt', accessTokenPage, signal),
  staleTime: 0,
});

export function createAccessToken(input: CreateAccessTokenRequest): Promise<CreateAccessTokenResponse> {
  return api.post('/api/auth/tokens', input, createAccessTokenResponse);
}

export async function revokeAccessToken(id: string): Promise<void> {
  await api.request('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`);
}
