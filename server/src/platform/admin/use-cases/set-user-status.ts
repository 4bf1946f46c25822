import { adminRules } from '#shared/contracts/admin';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { disableUser } from '../../auth/use-cases/disable-user';
import { lockActiveAdminIds, setUserDisabled } from '../../auth/users.repo';
import { assertAdminRemains, assertNotSelf } from '../admin.rules';
import { loadTargetUser } from './load-target';

/**
 * Disables an account and ends its sessions (it loses access on its next request). Not one's own,
 * not the last active administrator. Disabling a disabled account changes nothing.
 */
export async function disableUserAccount(q: Queryable, userId: string, scope: RequestScope): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.noSelfChange,
    'You cannot disable your own account.',
  );
  await q.transaction(async (tx) => {
    const user = await loadTargetUser(tx, userId);
    if (user.disabledAt) return;
    if (user.roles.includes('admin')) assertAdminRemains(await lockActiveAdminIds(tx), user.id, false);
    await disableUser(tx, user.username, scope);
  });
}

/** Enables a disabled account again; it signs in afresh (its sessions ended when it was disabled). */
export async function enableUserAccount(q: Queryable, userId: string, scope: RequestScope): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.noSelfChange,
    'You cannot enable your own account.',
  );
  await q.transaction(async (tx) => {
    const user = await loadTargetUser(tx, userId);
    if (!user.disabledAt) return;
    await setUserDisabled(tx, user.id, null, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'user.enable',
      recordType: 'user',
      recordId: user.id,
      fields: ['disabledAt'],
    });
  });
}
