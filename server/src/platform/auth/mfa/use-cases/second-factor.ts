import type { AppContext } from '../../../../app-context';
import type { Queryable } from '../../../../db/client';
import { writeAuditEvent } from '../../../audit/audit.service';
import { claimRecoveryCode, findUserTotp, unusedRecoveryCodes, type UserTotpRow } from '../mfa.repo';
import { verifyRecoveryCode } from '../recovery-codes';
import { acceptTotpCode } from './check-totp-code';

/** What the user offered as a second factor at sign-in. */
export interface SecondFactorInput {
  totp?: string | undefined;
  recoveryCode?: string | undefined;
}

/**
 * Sign-in's view of a user's second factor, prepared before the sign-in transaction: the TOTP row
 * and, for a recovery code, which stored code it matches (argon2 is slow; no connection is held).
 */
export type SecondFactorCheck =
  | { kind: 'not-enrolled' }
  | { kind: 'missing' }
  | { kind: 'totp'; row: UserTotpRow; code: string }
  | { kind: 'recovery-code'; codeId: string | undefined };

export async function prepareSecondFactor(
  q: Queryable,
  userId: string,
  input: SecondFactorInput,
): Promise<SecondFactorCheck> {
  const row = await findUserTotp(q, userId);
  if (!row?.confirmedAt) return { kind: 'not-enrolled' };
  if (input.totp) return { kind: 'totp', row, code: input.totp };
  if (input.recoveryCode) {
    const offered = input.recoveryCode;
    for (const stored of await unusedRecoveryCodes(q, userId)) {
      if (await verifyRecoveryCode(stored.codeHash, offered))
        return { kind: 'recovery-code', codeId: stored.id };
    }
    return { kind: 'recovery-code', codeId: undefined };
  }
  return { kind: 'missing' };
}

/**
 * Uses the second factor inside the sign-in transaction: claims the TOTP step or marks the
 * recovery code used, atomically, so a code works once even under concurrent requests.
 * False means refused (wrong, expired or replayed).
 */
export async function consumeSecondFactor(
  tx: Queryable,
  ctx: Pick<AppContext, 'keys' | 'clock'>,
  check: SecondFactorCheck,
  meta: { userId: string; requestId: string | null },
): Promise<boolean> {
  switch (check.kind) {
    case 'not-enrolled':
      return true;
    case 'missing':
      return false;
    case 'totp':
      return acceptTotpCode(tx, ctx, check.row, check.code);
    case 'recovery-code': {
      if (!check.codeId || !(await claimRecoveryCode(tx, check.codeId, ctx.clock.now()))) return false;
      await writeAuditEvent(tx, ctx.clock, {
        actorId: meta.userId,
        action: 'mfa.recovery-code-used',
        recordType: 'user',
        recordId: meta.userId,
        requestId: meta.requestId,
        fields: ['recoveryCodes.usedAt'],
      });
      return true;
    }
  }
}
