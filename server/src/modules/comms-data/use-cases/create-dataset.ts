import { randomUUID } from 'node:crypto';
import type { CreateDatasetBody } from '#shared/contracts/comms';
import { insertMember } from '../../../platform/access/access.repo';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { assertMayMark } from '../../../platform/access/policy';
import { createRecordCompartment } from '../../../platform/access/record-compartment';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { findDatasetByName, findVisibleDatasetByName, insertDataset, lockDatasetName } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';

/**
 * Registers a dataset with its own compartment (kind 'dataset', named by the dataset's id only): a
 * user creating it is read into it, so only they (and whom they or an administrator read in later)
 * see it; they may not mark it above their own clearance. Its name is unique among the datasets its
 * creator can see (the console, the installation's operator, sees them all), so a refusal never
 * tells of one out of their reach (rule 17). Audited as `comms.dataset.create` (and the creator's
 * membership) in its transaction.
 */
export async function createDataset(
  services: Pick<CommsServices, 'db'>,
  input: CreateDatasetBody,
  scope: RequestScope,
): Promise<CommsDatasetRow> {
  const { actor } = scope;
  const from = new Date(input.authorisedFrom);
  const to = new Date(input.authorisedTo);
  if (from > to)
    throw new AppError('VALIDATION_FAILED', 'authorisedFrom is after authorisedTo.', {
      fields: [{ path: 'body.authorisedTo', message: 'is before authorisedFrom' }],
    });
  if (actor) assertMayMark(actor, { classification: input.classification, caveats: input.caveats });
  return withScopeTx(services.db, scope, async (tx) => {
    await lockDatasetName(tx, input.name);
    const taken = actor
      ? await findVisibleDatasetByName(tx, input.name)
      : await findDatasetByName(tx, input.name);
    if (taken) throw new AppError('CONFLICT', `A dataset named '${input.name}' exists.`);
    const id = randomUUID();
    const compartment = await createRecordCompartment(tx, 'dataset', id);
    const row = await insertDataset(tx, {
      id,
      name: input.name,
      provider: input.provider,
      authorisationRef: input.authorisationRef,
      authorisedFrom: from,
      authorisedTo: to,
      authorisedNumbers: [...new Set(input.authorisedNumbers)].sort(),
      classification: input.classification,
      caveats: input.caveats,
      compartmentId: compartment.id,
      createdBy: actor?.id ?? null,
      createdAt: scope.clock.now(),
    });
    await recordAudit(tx, scope, {
      action: 'comms.dataset.create',
      recordType: 'comms_dataset',
      recordId: row.id,
      fields: Object.keys(input),
    });
    if (actor) {
      await insertMember(tx, { compartmentId: compartment.id, userId: actor.id, grantedBy: actor.id });
      await recordAudit(tx, scope, {
        action: 'access.grant-membership',
        recordType: 'compartment-membership',
        recordId: `${compartment.id}:${actor.id}`,
        fields: ['compartmentId', 'userId'],
      });
    }
    return row;
  });
}
