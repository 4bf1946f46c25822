import { COMMS_DESTROYED_RULE, type DatasetStatus } from '#shared/contracts/comms';
import { AppError } from '../../../platform/errors';
import type { CommsDatasetRow } from '../comms.schema';

function destroyedError(row: CommsDatasetRow): AppError {
  return new AppError(
    'CONFLICT',
    `Dataset '${row.name}' was destroyed on ${row.destroyedAt?.toISOString() ?? 'an earlier date'}: its records no longer exist.`,
    { rule: COMMS_DESTROYED_RULE },
  );
}

/** Refuses work on a destroyed dataset, naming when and the rule (its records no longer exist). */
export function assertNotDestroyed(row: CommsDatasetRow): void {
  if (row.status === 'destroyed') throw destroyedError(row);
}

/** The statuses an import or a destruction cannot start from. */
export const BUSY_OR_GONE: readonly DatasetStatus[] = ['importing', 'destroyed'];

/** Why a dataset cannot be changed (imported into, destroyed) now: destroyed, or an import running. */
export function changeRefusal(row: CommsDatasetRow): AppError | undefined {
  if (row.status === 'destroyed') return destroyedError(row);
  if (row.status === 'importing')
    return new AppError('CONFLICT', 'An import into this dataset is running: cancel it or let it end first.');
  return undefined;
}

/**
 * The refusal of a {@link BUSY_OR_GONE} update, given the row read after it: its reason, or, when
 * the status has moved on since (the import ended in between), a request to try again.
 */
export function refusedChange(current: CommsDatasetRow): AppError {
  return changeRefusal(current) ?? new AppError('CONFLICT', 'The dataset changed meanwhile: try again.');
}

/** Refuses to change a dataset that is destroyed or has an import running. */
export function assertChangeable(row: CommsDatasetRow): void {
  const refusal = changeRefusal(row);
  if (refusal) throw refusal;
}
