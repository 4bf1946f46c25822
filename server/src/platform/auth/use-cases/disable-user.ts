import type { Queryable } from '../../../db/client';
import { type ChangeAuthor, recordChange } from '../../audit/audit.service';
import { AppError } from '../../errors';
import { deleteSessionsOfUser } from '../sessions.repo';
import { findUserByUsername, setUserDisabled } from '../users.repo';

/** Disables an account and ends all its sessions: it loses access on its very next request. */
export async function disableUser(q: Queryable, username: string, by: ChangeAuthor): Promise<void> {
  await q.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw AppError.notFound(`User ${username}`);
    await setUserDisabled(tx, user.id, by.clock.now());
    await deleteSessionsOfUser(tx, user.id);
    await recordChange(tx, by, {
      action: 'user.disable',
      recordType: 'user',
      recordId: user.id,
      fields: ['disabledAt'],
    });
  });
}
