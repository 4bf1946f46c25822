import {
  ACCESS_TOKENS_PER_USER,
  type CreateAccessTokenResponse,
  type createAccessTokenRequest,
} from '#shared/contracts/tokens';
import type { z } from 'zod';
import type { Queryable } from '../../../../db/client';
import { recordAudit } from '../../../audit/audit.service';
import { AppError } from '../../../errors';
import type { UserScope } from '../../../request-scope';
import { presentAccessToken } from '../access-token.presenter';
import { accessTokenHash, newAccessTokenSecret } from '../access-token';
import { countUsableTokens, insertAccessToken } from '../tokens.repo';

export const ACCESS_TOKEN_LIMIT_RULE = `at most ${ACCESS_TOKENS_PER_USER} usable access tokens per user`;

/**
 * Makes a personal access token for the scope's user and answers its secret, this once; only the
 * secret's SHA-256 is stored. The route lets only a signed-in session (two-step verification
 * satisfied) do this, never a token. Audited with the field names, never the name's value.
 */
export async function createAccessToken(
  q: Queryable,
  scope: UserScope,
  input: z.output<typeof createAccessTokenRequest>,
): Promise<CreateAccessTokenResponse> {
  const now = scope.clock.now();
  const secret = newAccessTokenSecret();
  return q.transaction(async (tx) => {
    if ((await countUsableTokens(tx, scope.actor.id, now)) >= ACCESS_TOKENS_PER_USER)
      throw new AppError(
        'RULE_VIOLATION',
        `You have ${ACCESS_TOKENS_PER_USER} access tokens already; revoke one you no longer use.`,
        { rule: ACCESS_TOKEN_LIMIT_RULE },
      );
    const row = await insertAccessToken(tx, {
      userId: scope.actor.id,
      name: input.name,
      tokenHash: accessTokenHash(secret),
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
    });
    await recordAudit(tx, scope, {
      action: 'auth.token-create',
      recordType: 'personal_access_token',
      recordId: row.id,
      fields: ['name', 'expiresAt', 'tokenHash'],
    });
    return { token: presentAccessToken(row, now), secret };
  });
}
