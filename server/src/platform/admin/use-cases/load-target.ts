import type { Queryable } from '../../../db/client';
import type { UserRow } from '../../auth/auth.schema';
import { findUserById } from '../../auth/users.repo';
import { AppError } from '../../errors';

/** The user an administrative change is about; 404 when there is none. */
export async function loadTargetUser(q: Queryable, userId: string): Promise<UserRow> {
  const user = await findUserById(q, userId);
  if (!user) throw AppError.notFound('User');
  return user;
}
