import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { AppError } from '../../errors';
import { deleteSessionsOfUser } from '../sessions.repo';
import { findUserByUsername, setUserDisabled } from '../users.repo';

/** Disables an account and ends all its sessions: it loses access on its very next request. */
export async function disableUser(q: Queryable, username: string, scope: RequestScope): Promise<void> {
  await q.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw AppError.notFound(`User ${username}`);
    await setUserDisabled(tx, user.id, scope.clock.now());
    await deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, scope, {
      action: 'user.disable',
      recordType: 'user',
      recordId: user.id,
      fields: ['disabledAt'],
    });
  });
}
