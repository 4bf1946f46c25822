import type { DatasetView } from '#shared/contracts/comms';
import type { Authorisation } from './authorised-scope';
import type { CommsDatasetRow } from './comms.schema';

/** Dataset row → JSON: named fields only. */
export function presentDataset(row: CommsDatasetRow): DatasetView {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    authorisationRef: row.authorisationRef,
    authorisedFrom: row.authorisedFrom.toISOString(),
    authorisedTo: row.authorisedTo.toISOString(),
    authorisedNumbers: row.authorisedNumbers,
    classification: row.classification,
    caveats: row.caveats,
    compartmentId: row.compartmentId,
    status: row.status,
    counts: {
      records: row.records,
      numbers: row.numbers,
      pairs: row.pairs,
      rejected: row.rejected,
      outOfScope: row.outOfScope,
    },
    dataVersion: row.dataVersion,
    createdAt: row.createdAt.toISOString(),
    destroyed: row.destroyedAt
      ? { at: row.destroyedAt.toISOString(), by: row.destroyedBy, reason: row.destructionReason ?? '' }
      : null,
  };
}

export function authorisationOf(row: CommsDatasetRow): Authorisation {
  return { name: row.name, from: row.authorisedFrom, to: row.authorisedTo, numbers: row.authorisedNumbers };
}
