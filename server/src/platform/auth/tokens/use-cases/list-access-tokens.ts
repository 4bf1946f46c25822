import type { AccessTokenPage, accessTokenListQuery } from '#shared/contracts/tokens';
import type { z } from 'zod';
import type { Queryable } from '../../../../db/client';
import type { UserScope } from '../../../request-scope';
import { presentAccessToken } from '../access-token.presenter';
import { listOwnTokens } from '../tokens.repo';

/** A page of the scope's user's own tokens (not revoked; expired ones marked). */
export async function listAccessTokens(
  q: Queryable,
  scope: UserScope,
  query: z.output<typeof accessTokenListQuery>,
): Promise<AccessTokenPage> {
  const now = scope.clock.now();
  const { rows, total } = await listOwnTokens(q, scope.actor.id, query);
  return {
    items: rows.map((row) => presentAccessToken(row, now)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
