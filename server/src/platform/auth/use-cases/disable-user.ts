import type { Queryable } from '../../../db/client';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { deleteSessionsOfUser } from '../sessions.repo';
import { findUserByUsername, setUserDisabled } from '../users.repo';

/** Disables an account and ends all its sessions: it loses access on its very next request. */
export async function disableUser(q: Queryable, clock: Clock, username: string): Promise<void> {
  const user = await findUserByUsername(q, username);
  if (!user) throw AppError.notFound(`User ${username}`);
  await setUserDisabled(q, user.id, clock.now());
  await deleteSessionsOfUser(q, user.id);
}
