import { randomBytes } from 'node:crypto';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '../../db/client';
import { systemClock } from '../clock';
import type { UserRow } from './auth.schema';
import { createUser } from './use-cases/create-user';

/** Makes a real user row with a unique name; tests override what they care about. */
export function buildUser(
  q: Queryable,
  overrides: { username?: string; displayName?: string; password?: string; roles?: Role[] } = {},
): Promise<UserRow> {
  const username = overrides.username ?? `user-${randomBytes(5).toString('hex')}`;
  return createUser(
    q,
    {
      username,
      displayName: overrides.displayName ?? username,
      password: overrides.password ?? 'correct horse battery staple',
      roles: overrides.roles ?? ['handler'],
    },
    { actorId: null, clock: systemClock },
  );
}
