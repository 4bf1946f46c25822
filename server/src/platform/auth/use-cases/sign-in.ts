import type { SignInRequest } from '#shared/contracts/auth';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../audit/audit.service';
import { AppError } from '../../errors';
import { verifyPassword } from '../passwords';
import { endSession, startSession } from '../session.service';
import type { UserRow } from '../auth.schema';
import { findUserByUsername } from '../users.repo';

export interface SignInResult {
  user: UserRow;
  token: string;
  expiresAt: Date;
}

/**
 * Checks credentials and opens a new session. Unknown users, wrong passwords and disabled
 * accounts get the same answer after the same work (a dummy hash), so the response tells an
 * attacker nothing about which usernames exist.
 */
export async function signIn(
  ctx: AppContext,
  input: SignInRequest,
  meta: {
    previousToken?: string | undefined;
    userAgent?: string | undefined;
    requestId?: string | undefined;
  },
): Promise<SignInResult> {
  const { db } = ctx.database;
  const user = await findUserByUsername(db, input.username);
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    // The submitted username is not recorded: people type passwords into it by mistake.
    await recordAudit(db, ctx.clock, {
      actorId: null,
      action: 'auth.sign-in-failed',
      recordType: 'user',
      recordId: user?.id ?? null,
      requestId: meta.requestId ?? null,
    });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }
  return db.transaction(async (tx) => {
    await recordAudit(tx, ctx.clock, {
      actorId: user.id,
      action: 'auth.sign-in',
      recordType: 'user',
      recordId: user.id,
      requestId: meta.requestId ?? null,
    });
    // Session fixation: whatever session the browser held is ended, and a fresh token issued.
    if (meta.previousToken) await endSession(tx, meta.previousToken);
    const session = await startSession(tx, ctx.clock, ctx.config.session, user.id, meta.userAgent);
    return { user, ...session };
  });
}
