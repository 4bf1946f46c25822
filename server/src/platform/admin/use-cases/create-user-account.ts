import { randomBytes } from 'node:crypto';
import type { CreateUserRequest } from '#shared/contracts/admin';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import type { UserRow } from '../../auth/auth.schema';
import { createUser } from '../../auth/use-cases/create-user';
import { setUserMarkings } from '../../auth/users.repo';

export interface CreatedAccount {
  user: UserRow;
  /** Shown once to the administrator, who hands it over out of band; only its hash is stored. */
  oneTimePassword: string;
}

type Input = Required<Omit<CreateUserRequest, 'clearance' | 'roles'>> & {
  roles: Role[];
  clearance: Classification;
};

/** Creates an account with a generated password, its roles and markings; all audited together. */
export async function createUserAccount(
  q: Queryable,
  input: Input,
  scope: RequestScope,
): Promise<CreatedAccount> {
  const oneTimePassword = randomBytes(15).toString('base64url');
  return q.transaction(async (tx) => {
    const user = await createUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        password: oneTimePassword,
        roles: input.roles,
      },
      scope,
    );
    const caveats = [...new Set(input.caveats)];
    if (input.clearance === user.clearance && caveats.length === 0) return { user, oneTimePassword };
    await setUserMarkings(tx, user.id, { clearance: input.clearance, caveats }, scope.clock.now());
    await recordAudit(tx, scope, {
      action: 'user.set-clearance',
      recordType: 'user',
      recordId: user.id,
      fields: ['clearance', 'caveats'],
    });
    return { user: { ...user, clearance: input.clearance, caveats }, oneTimePassword };
  });
}
