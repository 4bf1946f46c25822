import { adminRules } from '#shared/contracts/admin';
import type { Queryable } from '../../../db/client';
import { deleteMember, findCompartment, insertMember } from '../../access/access.repo';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { AppError } from '../../errors';
import { assertNotSelf } from '../admin.rules';
import { loadTargetUser } from './load-target';

/** Audit record of a membership: one id names both the compartment and the member. */
export const membershipRecordType = 'compartment-membership';
export function membershipRecordId(compartmentId: string, userId: string): string {
  return `${compartmentId}:${userId}`;
}

/**
 * Reads a user into a compartment. Two-person rule: an administrator never reads themselves in.
 * The member sees the compartment's records from their next request.
 */
export async function grantMembership(
  q: Queryable,
  compartmentId: string,
  userId: string,
  scope: RequestScope,
): Promise<void> {
  assertNotSelf(
    scope.actor?.id ?? null,
    userId,
    adminRules.twoPerson,
    'You cannot read yourself into a compartment; another administrator must grant it.',
  );
  await q.transaction(async (tx) => {
    const compartment = await findCompartment(tx, compartmentId);
    if (!compartment) throw AppError.notFound('Compartment');
    const user = await loadTargetUser(tx, userId);
    const added = await insertMember(tx, {
      compartmentId,
      userId: user.id,
      grantedBy: scope.actor?.id ?? null,
    });
    if (!added)
      throw new AppError('CONFLICT', `${user.username} is already a member of ${compartment.name}.`);
    await recordAudit(tx, scope, {
      action: 'access.grant-membership',
      recordType: membershipRecordType,
      recordId: membershipRecordId(compartmentId, user.id),
      fields: ['compartmentId', 'userId'],
    });
  });
}

/** Removes a user from a compartment; they lose sight of its records on their next request. */
export async function revokeMembership(
  q: Queryable,
  compartmentId: string,
  userId: string,
  scope: RequestScope,
): Promise<void> {
  await q.transaction(async (tx) => {
    if (!(await deleteMember(tx, compartmentId, userId))) throw AppError.notFound('Membership');
    await recordAudit(tx, scope, {
      action: 'access.revoke-membership',
      recordType: membershipRecordType,
      recordId: membershipRecordId(compartmentId, userId),
      fields: ['compartmentId', 'userId'],
    });
  });
}
