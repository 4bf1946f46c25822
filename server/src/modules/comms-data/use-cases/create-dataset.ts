import type { CreateDatasetBody } from '#shared/contracts/comms';
import type { Queryable } from '../../../db/client';
import { insertCompartment, insertMember } from '../../../platform/access/access.repo';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { findDatasetByName, insertDataset } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';

/**
 * Registers a dataset with its own compartment (kind 'dataset'): the creator is read into it, so
 * only they (and whom they or an administrator read in later) see it. Both audited in the caller's
 * transaction. `actorId` null = the console (CLI), which reads nobody in.
 */
export async function createDataset(
  tx: Queryable,
  clock: Clock,
  input: CreateDatasetBody,
  by: { actorId: string | null; requestId?: string },
): Promise<CommsDatasetRow> {
  const from = new Date(input.authorisedFrom);
  const to = new Date(input.authorisedTo);
  if (from > to) throw new AppError('VALIDATION_FAILED', 'authorisedFrom is after authorisedTo.');
  if (await findDatasetByName(tx, input.name))
    throw new AppError('CONFLICT', `A dataset named '${input.name}' exists.`);
  const compartment = await insertCompartment(tx, {
    kind: 'dataset',
    name: `Comms dataset: ${input.name}`,
    description: `Communications data acquired under ${input.authorisationRef}`,
  });
  const row = await insertDataset(tx, {
    name: input.name,
    provider: input.provider,
    authorisationRef: input.authorisationRef,
    authorisedFrom: from,
    authorisedTo: to,
    authorisedNumbers: [...new Set(input.authorisedNumbers)].sort(),
    classification: input.classification,
    caveats: input.caveats,
    compartmentId: compartment.id,
    createdBy: by.actorId,
  });
  const audit = { actorId: by.actorId, requestId: by.requestId ?? null };
  await recordAudit(tx, clock, {
    ...audit,
    action: 'comms.dataset.create',
    recordType: 'comms_dataset',
    recordId: row.id,
    fields: Object.keys(input),
  });
  if (by.actorId) {
    await insertMember(tx, { compartmentId: compartment.id, userId: by.actorId, grantedBy: by.actorId });
    await recordAudit(tx, clock, {
      ...audit,
      action: 'access.grant-membership',
      recordType: 'compartment-membership',
      recordId: `${compartment.id}:${by.actorId}`,
      fields: ['compartmentId', 'userId'],
    });
  }
  return row;
}
