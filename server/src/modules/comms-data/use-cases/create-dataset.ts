import { randomUUID } from 'node:crypto';
import type { CreateDatasetBody } from '#shared/contracts/comms';
import type { Queryable } from '../../../db/client';
import { insertMember } from '../../../platform/access/access.repo';
import { assertMayMark } from '../../../platform/access/policy';
import { createRecordCompartment } from '../../../platform/access/record-compartment';
import { writeAuditEvent } from '../../../platform/audit/audit.service';
import type { Actor } from '../../../platform/auth/actor';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { findDatasetByName, findVisibleDatasetByName, insertDataset, lockDatasetName } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';

/** Who creates a dataset. */
export type DatasetCreator =
  /** A user, in their own transaction (`withActorTx`): the names they can see are the ones taken. */
  | { actor: Pick<Actor, 'id' | 'clearance' | 'caveats'>; requestId?: string }
  /** The console (CLI): the installation's operator, who sees every dataset and is read into none. */
  | { actorId: null; requestId?: string };

/**
 * Registers a dataset with its own compartment (kind 'dataset', named by the dataset's id only): a
 * user creating it is read into it, so only they (and whom they or an administrator read in later)
 * see it; they may not mark it above their own clearance. Its name is unique among the datasets its
 * creator can see, so a refusal never tells of one out of their reach (rule 17). Audited in the
 * caller's transaction.
 */
export async function createDataset(
  tx: Queryable,
  clock: Clock,
  input: CreateDatasetBody,
  by: DatasetCreator,
): Promise<CommsDatasetRow> {
  const actor = 'actor' in by ? by.actor : null;
  const from = new Date(input.authorisedFrom);
  const to = new Date(input.authorisedTo);
  if (from > to) throw new AppError('VALIDATION_FAILED', 'authorisedFrom is after authorisedTo.');
  if (actor) assertMayMark(actor, { classification: input.classification, caveats: input.caveats });
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
  });
  const audit = { actorId: actor?.id ?? null, requestId: by.requestId ?? null };
  await writeAuditEvent(tx, clock, {
    ...audit,
    action: 'comms.dataset.create',
    recordType: 'comms_dataset',
    recordId: row.id,
    fields: Object.keys(input),
  });
  if (actor) {
    await insertMember(tx, { compartmentId: compartment.id, userId: actor.id, grantedBy: actor.id });
    await writeAuditEvent(tx, clock, {
      ...audit,
      action: 'access.grant-membership',
      recordType: 'compartment-membership',
      recordId: `${compartment.id}:${actor.id}`,
      fields: ['compartmentId', 'userId'],
    });
  }
  return row;
}
