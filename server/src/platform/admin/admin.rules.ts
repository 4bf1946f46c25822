import { adminRules } from '#shared/contracts/admin';
import { AppError } from '../errors';

/**
 * Two-person rule: an administrator never grants or changes their own access — another
 * administrator must. `actorId` null is the CLI on the server, which has no self.
 */
export function assertNotSelf(
  actorId: string | null,
  targetUserId: string,
  rule: string,
  message: string,
): void {
  if (actorId !== null && actorId === targetUserId) {
    throw new AppError('RULE_VIOLATION', message, { rule });
  }
}

/**
 * Refuses a change that would leave no active administrator: without one, nobody could manage
 * access any more. `activeAdminIds` must be locked in the same transaction.
 */
export function assertAdminRemains(
  activeAdminIds: readonly string[],
  targetUserId: string,
  targetStaysAdmin: boolean,
): void {
  if (targetStaysAdmin || !activeAdminIds.includes(targetUserId)) return;
  if (activeAdminIds.some((id) => id !== targetUserId)) return;
  throw new AppError('RULE_VIOLATION', 'This is the last active administrator; appoint another first.', {
    rule: adminRules.lastAdmin,
  });
}
