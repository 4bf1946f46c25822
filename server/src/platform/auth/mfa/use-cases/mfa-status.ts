import type { MfaStatus } from '#shared/contracts/auth';
import type { AppContext } from '../../../../app-context';
import type { Queryable } from '../../../../db/client';
import { countUnusedRecoveryCodes, findUserTotp } from '../mfa.repo';

/**
 * What the app shows about a user's two-step verification. `enrolmentRequired` is true for a
 * session restricted to enrolment, and for anyone without it in production.
 */
export async function mfaStatusOf(
  q: Queryable,
  ctx: Pick<AppContext, 'config'>,
  userId: string,
  sessionIsEnrolmentOnly: boolean,
): Promise<MfaStatus> {
  const row = await findUserTotp(q, userId);
  const enabled = Boolean(row?.confirmedAt);
  return {
    enabled,
    enrolmentRequired: sessionIsEnrolmentOnly || (ctx.config.env === 'production' && !enabled),
  };
}

export async function mfaDetailsOf(
  q: Queryable,
  ctx: Pick<AppContext, 'config'>,
  userId: string,
  sessionIsEnrolmentOnly: boolean,
) {
  const status = await mfaStatusOf(q, ctx, userId, sessionIsEnrolmentOnly);
  return {
    ...status,
    canDisable: status.enabled && ctx.config.env !== 'production',
    recoveryCodesRemaining: status.enabled ? await countUnusedRecoveryCodes(q, userId) : 0,
  };
}
