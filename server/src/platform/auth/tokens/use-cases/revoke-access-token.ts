import type { Queryable } from '../../../../db/client';
import { recordAudit } from '../../../audit/audit.service';
import { AppError } from '../../../errors';
import type { UserScope } from '../../../request-scope';
import { findOwnActiveToken, revokeToken } from '../tokens.repo';

/**
 * Revokes one of the scope's user's own tokens: its next request is refused. Another user's token,
 * or one revoked already, is not found (404), never "forbidden": ids do not confirm existence.
 */
export async function revokeAccessToken(q: Queryable, scope: UserScope, tokenId: string): Promise<void> {
  await q.transaction(async (tx) => {
    const token = await findOwnActiveToken(tx, scope.actor.id, tokenId);
    if (!token) throw AppError.notFound('Access token');
    await revokeToken(tx, token.id, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'auth.token-revoke',
      recordType: 'personal_access_token',
      recordId: token.id,
      fields: ['revokedAt'],
    });
  });
}
