import { z } from 'zod';
import { classificationSchema } from './markings';
import { pageOf } from './pagination';

// What the comms API answers about its records: datasets, imports, provider profiles, the
// watchlist. Every route's response schema is one of these (or of comms-results.ts): what is not
// in a schema is never sent. Times are ISO 8601 instants in UTC (`toISOString()`), as text.

/** `destroyed`: the records were deleted; the row stays as the record of what was held. */
export const datasetStatuses = ['empty', 'importing', 'ready', 'failed', 'destroyed'] as const;
export type DatasetStatus = (typeof datasetStatuses)[number];

/**
 * What the signed-in user may do with a dataset now (comms.policy.ts): their permissions, the
 * dataset's marking and compartment (`decide`) and its state. The web shows and hides by these.
 */
export const datasetAbilities = z.object({
  /** Run analyses (read): visible, and its records not destroyed. */
  analyse: z.boolean(),
  /** Import files or cell sites: `comms:import`, and no import running, not destroyed. */
  import: z.boolean(),
  /** Destroy its records: `comms:destroy`, and no import running, not destroyed already. */
  destroy: z.boolean(),
});
export type DatasetAbilities = z.infer<typeof datasetAbilities>;

export const datasetView = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  authorisationRef: z.string(),
  authorisedFrom: z.string(),
  authorisedTo: z.string(),
  /** Empty: every number in the acquired data is within the authorisation. */
  authorisedNumbers: z.array(z.string()),
  classification: classificationSchema,
  caveats: z.array(z.string()),
  compartmentId: z.string(),
  status: z.enum(datasetStatuses),
  /** outOfScope: records met by imports outside the authorisation, never loaded (not in records). */
  counts: z.object({
    records: z.number(),
    numbers: z.number(),
    pairs: z.number(),
    rejected: z.number(),
    outOfScope: z.number(),
  }),
  dataVersion: z.number(),
  createdAt: z.string(),
  /** When, by whom (null for the console) and why the records were destroyed; null while held. */
  destroyed: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
  abilities: datasetAbilities,
});
export type DatasetView = z.infer<typeof datasetView>;
export const datasetPage = pageOf(datasetView);
export type DatasetPage = z.infer<typeof datasetPage>;

export const importPhases = [
  'queued',
  'read',
  'validate',
  'dedupe',
  'load',
  'index',
  'rejects',
  'commit',
] as const;
export type ImportPhaseName = (typeof importPhases)[number];

/** One progress report of an import (the SSE `progress` event and the job's last state). */
export const importProgressView = z.object({
  phase: z.enum(importPhases),
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  /** Rows per second since the import started. */
  rate: z.number(),
  /** Seconds left, estimated from bytes read; null when unknown. */
  etaSeconds: z.number().nullable(),
});
export type ImportProgressView = z.infer<typeof importProgressView>;

/**
 * What an import made of its files. Every line is accounted for: lines = headerLines + blankLines +
 * continuationLines + read, and read = loaded + duplicates + rejected + outOfScope.
 */
export const importSummaryView = z.object({
  lines: z.number(),
  headerLines: z.number(),
  blankLines: z.number(),
  /** Lines after the first of records whose quoted value spans lines. */
  continuationLines: z.number(),
  read: z.number(),
  loaded: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  /** Records outside the dataset's authorisation (dates or numbers): not loaded, in the rejects file. */
  outOfScope: z.number(),
  rejectsPath: z.string(),
  /** Rejected and out-of-scope records by reason. */
  rejectReasons: z.record(z.string(), z.number()),
  /** The first rejected lines (at most 20, each shortened to 500 characters; all are in the rejects file). */
  firstRejects: z.array(z.object({ line: z.number(), reason: z.string(), raw: z.string().nullable() })),
  /** What the person importing must know: a file with nothing loadable, records out of scope. */
  warnings: z.array(z.string()),
});
export type ImportSummaryView = z.infer<typeof importSummaryView>;

/** `interrupted`: the process running it ended (the dataset was left as it was before it). */
export const importJobStatuses = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** A file of an import: the path given to the CLI, or 'upload' for an API request body. */
export const importFileView = z.object({ name: z.string(), bytes: z.number() });
export type ImportFileView = z.infer<typeof importFileView>;

/** An import, running or in the dataset's history. */
export const importJobView = z.object({
  importId: z.string(),
  datasetId: z.string(),
  profile: z.string(),
  files: z.array(importFileView),
  status: z.enum(importJobStatuses),
  /** Live while running; the last report once ended. */
  progress: importProgressView,
  result: importSummaryView.nullable(),
  error: z.string().nullable(),
  /** The user who started it (null for the console). */
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;
export const importPage = pageOf(importJobView);
export type ImportPage = z.infer<typeof importPage>;

/** An upload accepted: the import runs on; follow it by its id (poll or SSE). */
export const importAccepted = z.object({ importId: z.string(), bytes: z.number() });
export type ImportAccepted = z.infer<typeof importAccepted>;

/** Whether a cancellation was asked of a running import (false: it had ended, or runs elsewhere). */
export const importCancelled = z.object({ cancelled: z.boolean() });
export type ImportCancelled = z.infer<typeof importCancelled>;

export const cellSiteImportResult = z.object({
  read: z.number(),
  loaded: z.number(),
  /** Rows naming a cell already given earlier in the file (the first one is kept). */
  duplicates: z.number(),
  rejected: z.number(),
});
export type CellSiteImportResult = z.infer<typeof cellSiteImportResult>;

export const profileSources = ['shipped', 'registered'] as const;
export type ProfileSource = (typeof profileSources)[number];

/** A provider profile as listed: where it comes from, and its full (defaults filled) mapping. */
export const profileView = z.object({
  id: z.string(),
  description: z.string(),
  format: z.enum(['csv', 'parquet']),
  source: z.enum(profileSources),
  createdAt: z.string().nullable(),
  /** The mapping with its defaults filled in (the format: docs/provider-profiles.md). */
  definition: z.record(z.string(), z.unknown()),
});
export type ProfileView = z.infer<typeof profileView>;
export const profilePage = pageOf(profileView);
export type ProfilePage = z.infer<typeof profilePage>;

const eventTypes = ['voice', 'sms', 'data', 'message'] as const;

/** A record as stored (numbers normalised, the start in UTC). */
export const storedEventView = z.object({
  type: z.enum(eventTypes),
  a: z.string(),
  b: z.string(),
  start: z.string(),
  durationS: z.number().nullable(),
  cellId: z.string().nullable(),
  imei: z.string().nullable(),
  imsi: z.string().nullable(),
  sourceLine: z.number(),
});

/** A profile tried on a sample: what would be stored and what rejected (nothing is kept). */
export const profileCheckResult = z.object({
  sample: z.object({
    read: z.number(),
    loaded: z.number(),
    duplicates: z.number(),
    rejected: z.number(),
    rejectReasons: z.record(z.string(), z.number()),
  }),
  events: z.array(storedEventView),
  rejects: z.array(z.object({ line: z.number(), reason: z.string(), raw: z.string().nullable() })),
});
export type ProfileCheckResult = z.infer<typeof profileCheckResult>;

export const watchlistEntryView = z.object({
  id: z.number(),
  number: z.string(),
  subjectRef: z.string(),
  createdAt: z.string(),
});
export type WatchlistEntryView = z.infer<typeof watchlistEntryView>;
export const watchlistPage = pageOf(watchlistEntryView);
export type WatchlistPage = z.infer<typeof watchlistPage>;
export const watchlistAdded = z.object({ added: z.number() });
export type WatchlistAdded = z.infer<typeof watchlistAdded>;
