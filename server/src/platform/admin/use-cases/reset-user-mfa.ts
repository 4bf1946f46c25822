import { adminRules } from '#shared/contracts/admin';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { deleteRecoveryCodes, deleteUserTotp } from '../../auth/mfa/mfa.repo';
import { deleteSessionsOfUser } from '../../auth/sessions.repo';
import { revokeTokensOfUser } from '../../auth/tokens/tokens.repo';
import { assertNotSelf } from '../admin.rules';
import { loadTargetUser } from './load-target';

/**
 * For a user who lost their authenticator: removes their TOTP enrolment and recovery codes, ends
 * their sessions and revokes their access tokens (made under the lost factor), so they enrol afresh
 * at their next sign-in (forced in production). Never
 * one's own (that would let a stolen admin password drop the admin's second factor).
 */
export async function resetUserMfa(q: Queryable, userId: string, scope: RequestScope): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.noSelfChange,
    'You cannot reset your own two-step verification.',
  );
  await q.transaction(async (tx) => {
    const user = await loadTargetUser(tx, userId);
    await deleteUserTotp(tx, user.id);
    await deleteRecoveryCodes(tx, user.id);
    await deleteSessionsOfUser(tx, user.id);
    await revokeTokensOfUser(tx, user.id, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'mfa.reset',
      recordType: 'user',
      recordId: user.id,
      fields: ['totp', 'recoveryCodes', 'sessions', 'accessTokens'],
    });
  });
}
