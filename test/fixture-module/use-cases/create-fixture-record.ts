import { randomUUID } from 'node:crypto';
import { type CreateFixtureRecordBody, FIXTURE_REFERENCE_RULE } from '../fixture.contract';
import type { AppContext } from '#server/app-context';
import { withActorTx } from '#server/platform/access/actor-tx';
import { findCompartment } from '#server/platform/access/access.repo';
import { recordAudit } from '#server/platform/audit/audit.service';
import { AppError } from '#server/platform/errors/index';
import type { UserScope } from '#server/platform/request-scope';
import { fixtureSecrets } from '../fixture.cipher';
import { authorizeCreate } from '../fixture.policy';
import { findVisibleFixtureRecordByReference, insertFixtureRow, lockFixtureReference } from '../fixture.repo';
import type { FixtureRecordRow } from '../fixture.schema';

/**
 * Creates a record in a compartment of the module's kind the actor is read into, marked no higher
 * than they are cleared (they could not see it otherwise), its secret encrypted and the creation
 * audited in the same transaction. The reference must be unused among the records the actor can
 * see — never among all records, so a refusal tells nothing of a record out of their reach
 * (CONVENTIONS rule 17, ADR 0015).
 */
export async function createFixtureRecord(
  ctx: AppContext,
  scope: UserScope,
  input: CreateFixtureRecordBody,
): Promise<FixtureRecordRow> {
  const marking = {
    classification: input.classification,
    caveats: [...new Set(input.caveats)].sort(),
    compartmentId: input.compartmentId,
  };
  authorizeCreate(scope.actor, marking);
  return withActorTx(ctx, scope, async (tx) => {
    const compartment = await findCompartment(tx, input.compartmentId);
    if (compartment?.kind !== 'fixture') throw AppError.notFound('Compartment');
    await lockFixtureReference(tx, input.reference);
    if (await findVisibleFixtureRecordByReference(tx, input.reference))
      throw new AppError('CONFLICT', `The reference ${input.reference} is already used.`, {
        fields: [{ path: 'body.reference', message: 'already used by a record you can see' }],
        rule: FIXTURE_REFERENCE_RULE,
      });
    const id = randomUUID();
    const now = scope.clock.now();
    const row = await insertFixtureRow(tx, {
      id,
      ...marking,
      reference: input.reference,
      title: input.title,
      secretEnc: await fixtureSecrets(ctx, tx).encrypt(id, input.secret),
      createdBy: scope.actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'fixture.create',
      recordType: 'fixture_records',
      recordId: id,
      fields: Object.keys(input),
    });
    return row;
  });
}
