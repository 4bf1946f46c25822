import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import { AppError } from '../../errors';
import { deleteSessionsOfUser } from '../sessions.repo';
import { findUserByUsername, setUserDisabled } from '../users.repo';
import type { ChangeAuthor } from './create-user';

/** Disables an account and ends all its sessions: it loses access on its very next request. */
export async function disableUser(q: Queryable, username: string, by: ChangeAuthor): Promise<void> {
  await q.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw AppError.notFound(`User ${username}`);
    await setUserDisabled(tx, user.id, by.clock.now());
    await deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, by.clock, {
      actorId: by.actorId,
      action: 'user.disable',
      recordType: 'user',
      recordId: user.id,
      requestId: by.requestId ?? null,
      fields: ['disabledAt'],
    });
  });
}
