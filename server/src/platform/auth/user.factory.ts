import { randomBytes } from 'node:crypto';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '../../db/client';
import { systemClock } from '../clock';
import type { UserRow } from './auth.schema';
import { createUser } from './use-cases/create-user';
import { setUserMarkings } from './users.repo';
import { consoleScope } from '../request-scope';

/** Makes a real user row with a unique name; tests override what they care about. */
export async function buildUser(
  q: Queryable,
  overrides: {
    username?: string;
    displayName?: string;
    password?: string;
    roles?: Role[];
    clearance?: Classification;
    caveats?: string[];
  } = {},
): Promise<UserRow> {
  const username = overrides.username ?? `user-${randomBytes(5).toString('hex')}`;
  const user = await createUser(
    q,
    {
      username,
      displayName: overrides.displayName ?? username,
      password: overrides.password ?? 'correct horse battery staple',
      roles: overrides.roles ?? ['handler'],
    },
    consoleScope(systemClock),
  );
  if (!overrides.clearance && !overrides.caveats) return user;
  const markings = {
    clearance: overrides.clearance ?? 'OFFICIAL',
    caveats: overrides.caveats ?? [],
  } as const;
  await setUserMarkings(
    q,
    user.id,
    { clearance: markings.clearance, caveats: [...markings.caveats] },
    systemClock.now(),
  );
  return { ...user, clearance: markings.clearance, caveats: [...markings.caveats] };
}
