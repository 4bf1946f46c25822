import type { SourceAlertView } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Tx } from '../../../db/client';
import type { RequestScope, UserScope } from '../../../platform/request-scope';
import { handlingAlertsOf } from '../handling/handling-alerts';
import { computedAlerts } from '../source-facts';
import { loadFacts } from '../source-state';
import { insertAlert } from '../source-records.repo';
import { presentAlert } from '../sources.presenter';
import { allVisibleSources, findSource } from '../sources.repo';

/**
 * The compliance alerts of every source the actor may see (LAW.md §1): authorisations expiring
 * within the warning period or expired on a source still marked authorised, overdue reviews, CCA
 * notices not yet given, lapsed arrangements, contacts after cancellation, status drift and
 * break-glass approvals. Oldest first.
 */
export function listAlerts(ctx: AppContext, scope: UserScope): Promise<SourceAlertView[]> {
  return withActorTx(ctx, scope, async (tx) => {
    const rows = await allVisibleSources(tx);
    // The alerts read no date of birth: the vault stays closed.
    const facts = await loadFacts(ctx, tx, rows, { identities: false });
    const now = scope.clock.now();
    const handling = await handlingAlertsOf(
      tx,
      rows.map((r) => r.id),
      now,
    );
    return rows
      .flatMap((source) =>
        [
          ...computedAlerts(facts.get(source.id)!, now, ctx.config.sources),
          ...(handling.get(source.id) ?? []),
        ].map((a) => presentAlert(source, a)),
      )
      .sort((a, b) => a.at.localeCompare(b.at) || a.sourceId.localeCompare(b.sourceId));
  });
}

/**
 * For the handling module (issue 21): a contact with a source was logged at `at`. A contact after
 * the source's cancellation (or closure) raises `contact-after-cancellation`; a contact with a
 * source never authorised (a prospect, an approach, a recruit) raises `status-drift` (RIPA
 * s.26(8): a relationship used covertly needs an authorisation). Returns the kind raised, or null
 * for a contact under an authorisation. Runs in the caller's transaction, which has loaded the
 * source for its actor.
 */
export async function raiseContactAlert(
  tx: Tx,
  scope: RequestScope,
  sourceId: string,
  at: Date,
): Promise<'contact-after-cancellation' | 'status-drift' | null> {
  const source = await findSource(tx, sourceId);
  if (!source) return null;
  const after = source.status === 'cancelled' || source.status === 'closed';
  const drift = ['prospect', 'approach-approved', 'recruited'].includes(source.status);
  if (!after && !drift) return null;
  const kind = after ? 'contact-after-cancellation' : 'status-drift';
  await insertAlert(tx, {
    sourceId,
    kind,
    subjectId: null,
    forUserId: null,
    at,
    message: after
      ? `A contact was logged on ${at.toISOString().slice(0, 10)}, after the source's authorisation was cancelled.`
      : `A contact was logged on ${at.toISOString().slice(0, 10)} with a source who is not authorised: possible status drift.`,
  });
  await recordAudit(tx, scope, {
    action: `sources.alert.${kind}`,
    recordType: 'sources',
    recordId: sourceId,
    fields: ['at'],
  });
  return kind;
}
