import type { UserView } from '#shared/contracts/auth';
import type { Role } from '#shared/contracts/roles';
import type { Actor } from './actor';
import type { UserRow } from './auth.schema';

/** Only these fields ever leave the server: never the password hash or MFA secrets. */
export function presentUser(user: UserRow | Actor): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
  };
}
