import type {
  DatasetView,
  ImportJobView,
  ImportProgressView,
  ProfileCheckResult,
  WatchlistEntryView,
} from '#shared/contracts/comms';
import type { Actor } from '../../platform/auth/actor';
import type { Authorisation } from './authorised-scope';
import { datasetAbilities } from './comms.policy';
import type { CommsDatasetRow, CommsImportRow, CommsWatchlistRow } from './comms.schema';
import type { ImportPreview } from './store/index.js';

// Records → JSON: named fields only (never a spread row), as the response schemas declare them.

/** A dataset as `actor` sees it, with what they may do with it (null: the console). */
export function presentDataset(row: CommsDatasetRow, actor: Actor | null): DatasetView {
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
    abilities: datasetAbilities(actor, row),
  };
}

export function authorisationOf(row: CommsDatasetRow): Authorisation {
  return { name: row.name, from: row.authorisedFrom, to: row.authorisedTo, numbers: row.authorisedNumbers };
}

/** The progress of an import that has reported nothing yet. */
export const QUEUED_PROGRESS: ImportProgressView = {
  phase: 'queued',
  rowsDone: 0,
  rowsTotal: null,
  bytesDone: 0,
  bytesTotal: 0,
  rate: 0,
  etaSeconds: null,
};

/** An import's history row. */
export function presentImport(row: CommsImportRow): ImportJobView {
  return {
    importId: row.id,
    datasetId: row.datasetId,
    profile: row.profileId,
    files: row.files,
    status: row.status,
    progress: row.progress ?? QUEUED_PROGRESS,
    result: row.result ?? null,
    error: row.error,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function presentWatchlistEntry(row: CommsWatchlistRow): WatchlistEntryView {
  return {
    id: row.id,
    number: row.number,
    subjectRef: row.subjectRef,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A profile tried on a sample, its records' times as text. */
export function presentPreview(preview: ImportPreview): ProfileCheckResult {
  return {
    sample: preview.sample,
    events: preview.events.map((e) => ({
      type: e.type,
      a: e.a,
      b: e.b,
      start: e.start.toISOString(),
      durationS: e.durationS,
      cellId: e.cellId,
      imei: e.imei,
      imsi: e.imsi,
      sourceLine: e.sourceLine,
    })),
    rejects: preview.rejects,
  };
}
