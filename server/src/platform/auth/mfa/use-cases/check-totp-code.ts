import type { AppContext } from '../../../../app-context';
import type { Queryable } from '../../../../db/client';
import { writeAuditEvent } from '../../../audit/audit.service';
import { claimTotpStep, type UserTotpRow } from '../mfa.repo';
import { matchTotpStep } from '../totp';
import { decryptTotpSecret } from '../totp-secret';

/**
 * Accepts a code once: it must match the secret within ±1 step AND be from a later step than the
 * last accepted code (stored atomically), so a code seen over someone's shoulder or in a log
 * cannot be used again. Run it in the transaction that acts on the code.
 */
export async function acceptTotpCode(
  tx: Queryable,
  ctx: Pick<AppContext, 'keys' | 'clock'>,
  row: UserTotpRow,
  code: string,
): Promise<boolean> {
  const secret = await decryptTotpSecret(tx, ctx.keys, row.userId, row.secretEnc);
  const step = matchTotpStep(secret, code, ctx.clock);
  if (step === null) return false;
  if (row.lastUsedStep !== null && step <= row.lastUsedStep) return false;
  return claimTotpStep(tx, row.userId, step);
}

/** A wrong or replayed code offered by a signed-in user (confirm, disable) leaves a trace. */
export function auditRefusedCode(
  tx: Queryable,
  ctx: Pick<AppContext, 'clock'>,
  userId: string,
  purpose: 'confirm' | 'disable',
  requestId: string,
) {
  return writeAuditEvent(tx, ctx.clock, {
    actorId: userId,
    action: `mfa.${purpose}-code-refused`,
    recordType: 'user',
    recordId: userId,
    requestId,
    fields: ['code'],
  });
}
