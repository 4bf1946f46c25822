import type { Tx } from '../../../db/client';
import { deleteMember, insertMember } from '../../../platform/access/access.repo';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestScope } from '../../../platform/request-scope';
import { rolesOf } from '../source-records.repo';
import { isCurrent } from '../sources.rules';
import type { SourceRow } from '../sources.schema';

// The module's role assignment is the authority for its compartments (ADR 0023): taking a role
// reads the holder into the source's compartment; when no role of theirs is current any more,
// they are read out — but only if a role read them in (a membership an administrator granted
// stays theirs to revoke). Both are audited as the platform's own membership events.

const membership = (compartmentId: string, userId: string) => ({
  recordType: 'compartment-membership',
  recordId: `${compartmentId}:${userId}`,
  fields: ['compartmentId', 'userId'],
});

/** Reads `userId` into the source's compartment; true when this made them a member. */
export async function readIn(
  tx: Tx,
  scope: RequestScope,
  source: SourceRow,
  userId: string,
): Promise<boolean> {
  const added = await insertMember(tx, {
    compartmentId: source.compartmentId,
    userId,
    grantedBy: scope.actor?.id ?? null,
  });
  if (added)
    await recordAudit(tx, scope, {
      action: 'access.grant-membership',
      ...membership(source.compartmentId, userId),
    });
  return added;
}

/** Reads `userId` out of the source's compartment when no role of theirs is current and a role read them in. */
export async function readOutIfNoRole(
  tx: Tx,
  scope: RequestScope,
  source: SourceRow,
  userId: string,
): Promise<void> {
  const now = scope.clock.now();
  const theirs = (await rolesOf(tx, [source.id])).filter((r) => r.userId === userId);
  if (theirs.some((r) => isCurrent(r, now)) || !theirs.some((r) => r.readIn)) return;
  if (await deleteMember(tx, source.compartmentId, userId))
    await recordAudit(tx, scope, {
      action: 'access.revoke-membership',
      ...membership(source.compartmentId, userId),
    });
}
