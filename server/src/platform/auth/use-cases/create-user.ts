import { usernameSchema } from '#shared/contracts/auth';
import { type Role, roleSchema } from '#shared/contracts/roles';
import type { Queryable } from '../../../db/client';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { AppError } from '../../errors';
import type { UserRow } from '../auth.schema';
import { hashPassword, minimumPasswordLength } from '../passwords';
import { findUserByUsername, insertUser } from '../users.repo';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Who asked for a change: a user (API) or nobody (CLI on the server, seed). Goes into the audit log. */
/**
 * Creates an account. Refuses a taken username, a short password or an unknown role, naming the
 * field. Audited in the same transaction.
 */
export async function createUser(
  q: Queryable,
  input: CreateUserInput,
  scope: RequestScope,
): Promise<UserRow> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `username: ${username.error.issues[0]?.message ?? 'is invalid'}`,
      {
        fields: [{ path: 'username', message: username.error.issues[0]?.message ?? 'is invalid' }],
      },
    );
  }
  if (input.password.length < minimumPasswordLength) {
    const message = `must be at least ${minimumPasswordLength} characters`;
    throw new AppError('VALIDATION_FAILED', `password: ${message}`, {
      fields: [{ path: 'password', message }],
    });
  }
  if (input.roles.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'roles: give at least one role', {
      fields: [{ path: 'roles', message: 'give at least one role' }],
    });
  }
  for (const role of input.roles) {
    if (!roleSchema.safeParse(role).success) {
      throw new AppError('VALIDATION_FAILED', `roles: unknown role "${role}"`, {
        fields: [{ path: 'roles', message: `unknown role "${role}"` }],
      });
    }
  }
  if (await findUserByUsername(q, username.data)) {
    throw new AppError('CONFLICT', `A user named ${username.data} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  return q.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: username.data,
      displayName: input.displayName.trim() || username.data,
      passwordHash,
      roles: [...new Set(input.roles)],
    });
    await recordAudit(tx, scope, {
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
      fields: ['username', 'displayName', 'passwordHash', 'roles'],
    });
    return user;
  });
}
