import type { AppContext } from '../../../../app-context';
import { writeAuditEvent } from '../../../audit/audit.service';
import { AppError } from '../../../errors';
import { deleteSession } from '../../sessions.repo';
import { startSession } from '../../session.service';
import {
  deleteEnrolmentOnlySessions,
  findUserTotp,
  markTotpConfirmed,
  replaceRecoveryCodes,
} from '../mfa.repo';
import { generateRecoveryCodes, hashRecoveryCode } from '../recovery-codes';
import { acceptTotpCode, auditRefusedCode } from './check-totp-code';

export interface ConfirmTotpResult {
  /** Shown once; only their hashes are kept. */
  recoveryCodes: string[];
  /** The new session: confirming rotates the token and lifts an enrolment-only restriction. */
  token: string;
  expiresAt: Date;
}

export function codeNotAccepted(): AppError {
  return new AppError('VALIDATION_FAILED', 'code: that code was not accepted', {
    fields: [
      { path: 'code', message: 'was not accepted; enter the current code from your authenticator app' },
    ],
  });
}

/**
 * Confirms a pending TOTP secret with a current code, issues ten recovery codes, and replaces the
 * caller's session with a full one (new token, no enrolment restriction).
 */
export async function confirmTotp(
  ctx: AppContext,
  input: { userId: string; code: string; sessionTokenHash: string | null; userAgent?: string | undefined },
  requestId: string,
): Promise<ConfirmTotpResult> {
  const recoveryCodes = generateRecoveryCodes();
  // Hashing is slow on purpose: do it before the transaction holds a connection.
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  const session = await ctx.database.db.transaction(async (tx) => {
    const row = await findUserTotp(tx, input.userId);
    if (!row) throw new AppError('CONFLICT', 'Start setting up two-step verification first.');
    if (row.confirmedAt) throw new AppError('CONFLICT', 'Two-step verification is already set up.');
    if (!(await acceptTotpCode(tx, ctx, row, input.code))) {
      await auditRefusedCode(tx, ctx, input.userId, 'confirm', requestId);
      return undefined;
    }
    const now = ctx.clock.now();
    await markTotpConfirmed(tx, input.userId, now);
    await replaceRecoveryCodes(tx, input.userId, hashes);
    await writeAuditEvent(tx, ctx.clock, {
      actorId: input.userId,
      action: 'mfa.confirm',
      recordType: 'user',
      recordId: input.userId,
      requestId,
      fields: ['totpConfirmedAt', 'recoveryCodes'],
    });
    if (input.sessionTokenHash) await deleteSession(tx, input.sessionTokenHash);
    await deleteEnrolmentOnlySessions(tx, input.userId);
    return startSession(tx, ctx.clock, ctx.config.session, input.userId, input.userAgent);
  });
  if (!session) throw codeNotAccepted();
  return { recoveryCodes, ...session };
}
