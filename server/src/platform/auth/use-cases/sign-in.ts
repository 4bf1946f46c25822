import type { SignInRequest } from '#shared/contracts/auth';
import type { AppContext } from '../../../app-context';
import { writeAuditEvent } from '../../audit/audit.service';
import { AppError } from '../../errors';
import type { UserRow } from '../auth.schema';
import { consumeSecondFactor, prepareSecondFactor } from '../mfa/use-cases/second-factor';
import { isSignInLocked, recordSignInFailure, resetSignInFailures } from '../mfa/sign-in-throttle.repo';
import { verifyPassword } from '../passwords';
import { endSession, startSession } from '../session.service';
import { findUserByUsername } from '../users.repo';

export interface SignInResult {
  user: UserRow;
  token: string;
  expiresAt: Date;
  /** The session may only enrol two-step verification (production, none enrolled yet). */
  mfaEnrolmentOnly: boolean;
}

interface SignInMeta {
  previousToken?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Checks credentials and opens a new session, in this order:
 * 1. A username locked by the per-account throttle answers 429 RATE_LIMITED — the same for
 *    names that exist and names that do not, and without checking the password at all.
 * 2. Unknown users, wrong passwords and disabled accounts get the same 401 after the same work
 *    (a dummy hash), so the response tells an attacker nothing about which usernames exist.
 * 3. Only then the second factor: MFA_REQUIRED when the user has TOTP and sent no code (so only
 *    someone with the password learns that), INVALID_CREDENTIALS for a wrong or replayed code.
 * Every failure in 2 and 3 counts towards the lock; a full success clears the count.
 */
export async function signIn(ctx: AppContext, input: SignInRequest, meta: SignInMeta): Promise<SignInResult> {
  const { db } = ctx.database;
  const requestId = meta.requestId ?? null;
  const user = await findUserByUsername(db, input.username);

  if (await isSignInLocked(db, input.username, ctx.clock.now())) {
    await writeAuditEvent(db, ctx.clock, {
      actorId: null,
      action: 'auth.sign-in-locked',
      recordType: 'user',
      recordId: user?.id ?? null,
      requestId,
    });
    throw lockedError(ctx.config.signInLockout.minutes);
  }

  const fail = async (fields: string[] = []): Promise<never> => {
    await db.transaction(async (tx) => {
      // The submitted username is not recorded (people type passwords into it by mistake); the
      // throttle keeps only a hash of it.
      await writeAuditEvent(tx, ctx.clock, {
        actorId: null,
        action: 'auth.sign-in-failed',
        recordType: 'user',
        recordId: user?.id ?? null,
        requestId,
        fields,
      });
      // The attempt that reaches the limit still answers like any other failure.
      await recordSignInFailure(tx, input.username, ctx.clock.now(), ctx.config.signInLockout);
    });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
  };

  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.disabledAt) return fail();

  const secondFactor = await prepareSecondFactor(db, user.id, input);
  if (secondFactor.kind === 'missing') {
    throw new AppError('MFA_REQUIRED', 'Enter the code from your authenticator app.');
  }
  const mfaEnrolmentOnly = secondFactor.kind === 'not-enrolled' && ctx.config.env === 'production';

  const session = await db.transaction(async (tx) => {
    if (!(await consumeSecondFactor(tx, ctx, secondFactor, { userId: user.id, requestId }))) return undefined;
    await writeAuditEvent(tx, ctx.clock, {
      actorId: user.id,
      action: 'auth.sign-in',
      recordType: 'user',
      recordId: user.id,
      requestId,
      fields: secondFactor.kind === 'not-enrolled' ? [] : [secondFactor.kind],
    });
    await resetSignInFailures(tx, input.username);
    // Session fixation: whatever session the browser held is ended, and a fresh token issued.
    if (meta.previousToken) await endSession(tx, meta.previousToken);
    return startSession(tx, ctx.clock, ctx.config.session, user.id, meta.userAgent, { mfaEnrolmentOnly });
  });
  if (!session) return fail([secondFactor.kind]);
  return { user, ...session, mfaEnrolmentOnly };
}

function lockedError(minutes: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins for this account. Wait ${minutes} minutes, then try again.`,
  );
}
