import { queryOptions } from '@tanstack/react-query';
import { fetchMfaDetails } from '../../api/auth.api';

export const mfaDetailsQuery = queryOptions({
  queryKey: ['account', 'mfa'] as const,
  queryFn: ({ signal }) => fetchMfaDetails(signal),
  staleTime: 0,
});

/** A secret as people copy it into an app by hand: groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
