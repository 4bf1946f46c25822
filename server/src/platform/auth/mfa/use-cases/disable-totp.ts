import type { AppContext } from '../../../../app-context';
import { writeAuditEvent } from '../../../audit/audit.service';
import { AppError } from '../../../errors';
import { deleteRecoveryCodes, deleteUserTotp, findUserTotp } from '../mfa.repo';
import { acceptTotpCode, auditRefusedCode } from './check-totp-code';
import { codeNotAccepted } from './confirm-totp';

/**
 * Switches two-step verification off, given a current code. Refused in production, where every
 * account must keep it (issue 3, item 3).
 */
export async function disableTotp(
  ctx: AppContext,
  input: { userId: string; code: string },
  requestId: string,
): Promise<void> {
  if (ctx.config.env === 'production') {
    throw new AppError('RULE_VIOLATION', 'Two-step verification cannot be switched off in production.', {
      rule: 'LANTERN_ENV=production requires two-step verification for every account',
    });
  }
  const accepted = await ctx.database.db.transaction(async (tx) => {
    const row = await findUserTotp(tx, input.userId);
    if (!row?.confirmedAt) throw new AppError('CONFLICT', 'Two-step verification is not set up.');
    if (!(await acceptTotpCode(tx, ctx, row, input.code))) {
      await auditRefusedCode(tx, ctx, input.userId, 'disable', requestId);
      return false;
    }
    await deleteUserTotp(tx, input.userId);
    await deleteRecoveryCodes(tx, input.userId);
    await writeAuditEvent(tx, ctx.clock, {
      actorId: input.userId,
      action: 'mfa.disable',
      recordType: 'user',
      recordId: input.userId,
      requestId,
      fields: ['totpSecret', 'recoveryCodes'],
    });
    return true;
  });
  if (!accepted) throw codeNotAccepted();
}
