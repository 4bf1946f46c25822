import { adminRules } from '#shared/contracts/admin';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { lockActiveAdminIds, setUserRoles } from '../../auth/users.repo';
import { assertAdminRemains, assertNotSelf } from '../admin.rules';
import { loadTargetUser } from './load-target';

/** Replaces a user's roles. Never one's own (two-person rule); never the last administrator's admin role. */
export async function changeUserRoles(
  q: Queryable,
  userId: string,
  roles: Role[],
  scope: RequestScope,
): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.noSelfChange,
    'You cannot change your own roles; ask another administrator.',
  );
  const next = [...new Set(roles)];
  await q.transaction(async (tx) => {
    const user = await loadTargetUser(tx, userId);
    if (!next.includes('admin')) assertAdminRemains(await lockActiveAdminIds(tx), user.id, false);
    await setUserRoles(tx, user.id, next, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'user.set-roles',
      recordType: 'user',
      recordId: user.id,
      fields: ['roles'],
    });
  });
}
