import { adminRules } from '#shared/contracts/admin';
import type { Classification } from '#shared/contracts/markings';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { setUserMarkings } from '../../auth/users.repo';
import { assertNotSelf } from '../admin.rules';
import { loadTargetUser } from './load-target';

/** Sets the highest classification and the caveats a user may see. Never one's own (two-person rule). */
export async function changeUserClearance(
  q: Queryable,
  userId: string,
  markings: { clearance: Classification; caveats: string[] },
  scope: RequestScope,
): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.noSelfChange,
    'You cannot change your own clearance or caveats; ask another administrator.',
  );
  const caveats = [...new Set(markings.caveats)].sort();
  await q.transaction(async (tx) => {
    const user = await loadTargetUser(tx, userId);
    const changed: string[] = [];
    if (user.clearance !== markings.clearance) changed.push('clearance');
    if ([...user.caveats].sort().join('\n') !== caveats.join('\n')) changed.push('caveats');
    await setUserMarkings(tx, user.id, { clearance: markings.clearance, caveats }, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'user.set-clearance',
      recordType: 'user',
      recordId: user.id,
      fields: changed,
    });
  });
}
