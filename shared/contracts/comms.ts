import { z } from 'zod';
import { multiLineText, singleLineText } from './text';
import { caveatSchema, classificationSchema } from './markings';

/** A party as stored: an E.164 number (`+447700900123`) or, for e-mail style data, an identifier. */
export const partySchema = singleLineText().trim().min(1).max(64);
const isoDate = z.iso.datetime({ offset: true });

export const createDatasetBody = z.strictObject({
  name: singleLineText().trim().min(1).max(120),
  provider: singleLineText().trim().min(1).max(120),
  authorisationRef: singleLineText().trim().min(1).max(200),
  authorisedFrom: isoDate,
  authorisedTo: isoDate,
  authorisedNumbers: z.array(partySchema).max(10_000).default([]),
  classification: classificationSchema.default('OFFICIAL-SENSITIVE'),
  caveats: z.array(caveatSchema).max(10).default([]),
});
export type CreateDatasetBody = z.infer<typeof createDatasetBody>;

/** Why a dataset's records are destroyed: recorded on the dataset and in the audit trail. */
export const destroyDatasetBody = z.strictObject({
  reason: multiLineText()
    .trim()
    .min(10, 'give the reason for the destruction (at least 10 characters)')
    .max(2000),
});
export type DestroyDatasetBody = z.infer<typeof destroyDatasetBody>;

/** `destroyed`: the records were deleted; the row stays as the record of what was held. */
export const datasetStatuses = ['empty', 'importing', 'ready', 'failed', 'destroyed'] as const;
export type DatasetStatus = (typeof datasetStatuses)[number];

export interface DatasetView {
  id: string;
  name: string;
  provider: string;
  authorisationRef: string;
  authorisedFrom: string;
  authorisedTo: string;
  authorisedNumbers: string[];
  classification: string;
  caveats: string[];
  compartmentId: string;
  status: string;
  /** outOfScope: records met by imports outside the authorisation, never loaded (not in records). */
  counts: { records: number; numbers: number; pairs: number; rejected: number; outOfScope: number };
  dataVersion: number;
  createdAt: string;
  /** When, by whom (null for the console) and why the records were destroyed; null while held. */
  destroyed: { at: string; by: string | null; reason: string } | null;
}

/**
 * The authorised scope a call asks for (IPA 2016 Part 3): numbers and dates must lie within the
 * dataset's authorisation; graph options narrow which contact pairs count.
 */
export const scopeSchema = z.strictObject({
  numbers: z.array(partySchema).max(10_000).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minEvents: z.number().int().min(1).max(1_000_000).optional(),
  direction: z.enum(['out', 'in', 'both']).optional(),
  excludeHighDegree: z.boolean().optional(),
});
export type ScopeInput = z.infer<typeof scopeSchema>;

const base = {
  scope: scopeSchema.default({}),
  /** Further datasets analysed together with the one in the path (merged contact graph). */
  alsoDatasets: z.array(z.uuid()).max(20).default([]),
};
const seeds = z.array(partySchema).min(1).max(1000);

export const chainBody = z.strictObject({
  ...base,
  seeds,
  hops: z.number().int().min(1).max(3).default(2),
  limit: z.number().int().min(1).max(100_000).default(1000),
});
export const commonBody = z.strictObject({
  ...base,
  numbers: z.array(partySchema).min(2).max(1000),
  minShared: z.number().int().min(1).optional(),
});
export const pathBody = z.strictObject({
  ...base,
  from: partySchema,
  to: partySchema,
  all: z.boolean().default(false),
  maxHops: z.number().int().min(1).max(20).optional(),
  maxPaths: z.number().int().min(1).max(1000).default(100),
});
export const networkBody = z.strictObject({
  ...base,
  numbers: z.array(partySchema).min(2).max(200),
  maxHops: z.number().int().min(1).max(12).default(6),
});
export const communitiesBody = z.strictObject({
  ...base,
  method: z.enum(['louvain', 'label-propagation']).default('louvain'),
  top: z.number().int().min(1).max(10_000).default(20),
  membersPerCommunity: z.number().int().min(0).max(10_000).default(50),
});
export const centralityBody = z.strictObject({
  ...base,
  measure: z.enum(['degree', 'weighted-degree', 'betweenness']).default('degree'),
  top: z.number().int().min(1).max(10_000).default(20),
  samples: z.number().int().min(1).max(100_000).optional(),
});
export const coLocationBody = z
  .strictObject({
    scope: scopeSchema.default({}),
    number: partySchema.optional(),
    /** With `number`: only this other number is looked for (the co-location of a pair). */
    other: partySchema.optional(),
    windowMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(15),
    radiusMetres: z.number().min(0).max(100_000).optional(),
    minOccurrences: z.number().int().min(1).default(2),
    limit: z.number().int().min(1).max(10_000).default(100),
  })
  .refine((body) => !(body.other && !body.number), {
    message: 'other needs number: it names the second number of a pair',
    path: ['other'],
  });
export const timelineBody = z.strictObject({
  scope: scopeSchema.default({}),
  number: partySchema,
  other: partySchema.optional(),
  silentHours: z
    .number()
    .min(1)
    .max(24 * 365)
    .optional(),
  topContacts: z.number().int().min(1).max(1000).optional(),
});
export const pairEventsQuery = z.strictObject({
  a: partySchema,
  b: partySchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  bothDirections: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const watchlistMatchQuery = z.strictObject({
  number: partySchema,
  hops: z.coerce.number().int().min(0).max(2).default(2),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const watchlistAddBody = z.strictObject({
  entries: z
    .array(z.strictObject({ number: partySchema, subjectRef: singleLineText().trim().min(1).max(200) }))
    .min(1)
    .max(50_000),
});

export type ChainBody = z.infer<typeof chainBody>;
export type CommonBody = z.infer<typeof commonBody>;
export type PathBody = z.infer<typeof pathBody>;
export type NetworkBody = z.infer<typeof networkBody>;
export type CommunitiesBody = z.infer<typeof communitiesBody>;
export type CentralityBody = z.infer<typeof centralityBody>;
export type CoLocationBody = z.infer<typeof coLocationBody>;
export type TimelineBody = z.infer<typeof timelineBody>;

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
export interface ImportProgressView {
  phase: ImportPhaseName;
  rowsDone: number;
  rowsTotal: number | null;
  bytesDone: number;
  bytesTotal: number;
  /** Rows per second since the import started. */
  rate: number;
  /** Seconds left, estimated from bytes read; null when unknown. */
  etaSeconds: number | null;
}

/**
 * What an import made of its files. Every line is accounted for: lines = headerLines + blankLines +
 * continuationLines + read, and read = loaded + duplicates + rejected + outOfScope.
 */
export interface ImportSummaryView {
  lines: number;
  headerLines: number;
  blankLines: number;
  /** Lines after the first of records whose quoted value spans lines. */
  continuationLines: number;
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  /** Records outside the dataset's authorisation (dates or numbers): not loaded, in the rejects file. */
  outOfScope: number;
  rejectsPath: string;
  /** Rejected and out-of-scope records by reason. */
  rejectReasons: Record<string, number>;
  /** The first rejected lines (at most 20, each shortened to 500 characters; all are in the rejects file). */
  firstRejects: { line: number; reason: string; raw: string | null }[];
  /** What the person importing must know: a file with nothing loadable, records out of scope. */
  warnings: string[];
}

/** `interrupted`: the process running it ended (the dataset was left as it was before it). */
export type ImportJobStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

/** A file of an import: the path given to the CLI, or 'upload' for an API request body. */
export interface ImportFileView {
  name: string;
  bytes: number;
}

/** An import, running or in the dataset's history. */
export interface ImportJobView {
  importId: string;
  datasetId: string;
  profile: string;
  files: ImportFileView[];
  status: ImportJobStatus;
  /** Live while running; the last report once ended. */
  progress: ImportProgressView;
  result: ImportSummaryView | null;
  error: string | null;
  /** The user who started it (null for the console). */
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** The rule work on a destroyed dataset is refused under (its records no longer exist). */
export const COMMS_DESTROYED_RULE = 'IPA 2016 Part 3: acquired data destroyed when no longer needed';

/** The rule every out-of-scope analysis is refused under. */
export const COMMS_SCOPE_RULE = 'IPA 2016 Part 3: outside the authorised scope';
