import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { AppError } from '../../errors';
import { deleteSessionsOfUser } from '../sessions.repo';
import { revokeTokensOfUser } from '../tokens/tokens.repo';
import { findUserByUsername, setUserDisabled } from '../users.repo';

/**
 * Disables an account, ends all its sessions and revokes its access tokens: it loses access on its
 * very next request, and enabling it again does not bring a token back (its owner makes new ones).
 */
export async function disableUser(q: Queryable, username: string, scope: RequestScope): Promise<void> {
  await q.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw AppError.notFound(`User ${username}`);
    const now = scope.clock.now();
    await setUserDisabled(tx, user.id, now, now);
    await deleteSessionsOfUser(tx, user.id);
    await revokeTokensOfUser(tx, user.id, now);
    await recordAudit(tx, scope, {
      action: 'user.disable',
      recordType: 'user',
      recordId: user.id,
      fields: ['disabledAt', 'sessions', 'accessTokens'],
    });
  });
}
