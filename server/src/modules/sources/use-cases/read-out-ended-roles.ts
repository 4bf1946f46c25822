import type { AppContext } from '../../../app-context';
import { withScopeTx } from '../../../platform/access/actor-tx';
import type { Clock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { endedReadInRoles } from '../source-records.repo';
import { findSource } from '../sources.repo';
import { readOutIfNoRole } from './role-membership';

/**
 * The sweep that reads out holders whose role period ended by its own date (`to` set ahead when it
 * was assigned): run when the module opens and every minute after. Until it runs, the rules already
 * treat the period as ended (vault access, abilities); only the compartment membership waits.
 * Returns how many holders it looked at.
 */
export async function readOutEndedRoles(ctx: Pick<AppContext, 'database'>, clock: Clock): Promise<number> {
  const scope = consoleScope(clock);
  return withScopeTx(ctx.database.db, scope, async (tx) => {
    const ended = await endedReadInRoles(tx, clock.now());
    const pairs = new Map(ended.map((r) => [`${r.sourceId}:${r.userId}`, r]));
    for (const role of pairs.values()) {
      const source = await findSource(tx, role.sourceId);
      if (source) await readOutIfNoRole(tx, scope, source, role.userId);
    }
    return pairs.size;
  });
}
