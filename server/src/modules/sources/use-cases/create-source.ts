import { randomUUID } from 'node:crypto';
import { type CreateSourceBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import { assertMayMark } from '../../../platform/access/policy';
import { createRecordCompartment } from '../../../platform/access/record-compartment';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { resultOf, type SourceResult } from '../source-state';
import { insertRole } from '../source-records.repo';
import { findVisibleSourceByPseudonym, insertSource, lockPseudonym, nextUrnNumber } from '../sources.repo';
import { refuse } from '../sources.rules';
import { readIn } from './role-membership';

/** `SRC-2026-0001`: the year of registration and a number from the URN sequence, never reused. */
export function formatUrn(year: number, n: number): string {
  return `SRC-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * Registers a prospect in a compartment of its own (kind `source`, named by its id only), its
 * creator its first handler from now and read into it. Marked no higher than the creator is cleared.
 * The pseudonym is unique among the sources the creator can see — never among all sources, so a
 * refusal tells nothing of one out of their reach (CONVENTIONS rule 17).
 */
export async function createSource(
  ctx: AppContext,
  scope: UserScope,
  input: CreateSourceBody,
): Promise<SourceResult> {
  const { actor } = scope;
  const marking = { classification: input.classification, caveats: [...new Set(input.caveats)].sort() };
  assertMayMark(actor, marking);
  if (!actor.roles.includes('handler'))
    throw refuse(sourceRules.roleOnSource, 'A prospect is registered by the handler who will handle it.');
  return withActorTx(ctx, scope, async (tx) => {
    await lockPseudonym(tx, input.pseudonym);
    if (await findVisibleSourceByPseudonym(tx, input.pseudonym))
      throw new AppError('CONFLICT', 'That pseudonym is already used.', {
        fields: [{ path: 'body.pseudonym', message: 'already used by a source you can see' }],
        rule: sourceRules.uniquePseudonym,
      });
    const now = scope.clock.now();
    const id = randomUUID();
    const compartment = await createRecordCompartment(tx, 'source', id);
    const source = await insertSource(tx, {
      id,
      ...marking,
      compartmentId: compartment.id,
      urn: formatUrn(now.getUTCFullYear(), await nextUrnNumber(tx)),
      pseudonym: input.pseudonym,
      type: input.type,
      status: 'prospect',
      statusChangedAt: now,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.create',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    const readInNow = await readIn(tx, scope, source, actor.id);
    await insertRole(tx, {
      sourceId: id,
      role: 'handler',
      userId: actor.id,
      fromAt: now,
      readIn: readInNow,
      createdBy: actor.id,
      createdAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.role.assign',
      recordType: 'sources',
      recordId: id,
      fields: ['role', 'userId', 'from'],
    });
    return resultOf(ctx, tx, actor, id);
  });
}
