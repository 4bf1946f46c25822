import type { AppContext } from '../../app-context';
import { deleteStaleThrottleRows } from './mfa/sign-in-throttle.repo';
import { deleteExpiredSessions } from './sessions.repo';

/**
 * Housekeeping the server runs every minute: dead sessions and spent sign-in throttle rows. Both
 * are already refused when presented; this keeps them from piling up.
 */
export async function sweepExpired(
  ctx: Pick<AppContext, 'database' | 'clock' | 'config'>,
): Promise<{ sessions: number; throttleRows: number }> {
  const now = ctx.clock.now();
  const idleCutoff = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000);
  return {
    sessions: await deleteExpiredSessions(ctx.database.db, now, idleCutoff),
    throttleRows: await deleteStaleThrottleRows(ctx.database.db, now, ctx.config.signInLockout),
  };
}
