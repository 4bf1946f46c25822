import type { EdgeBatch } from '#graph/types';
import type { ProviderProfile } from './provider-profile.schema.js';

/** Event types as stored (TINYINT code); the type mask of a pair has bit `1 << code`. */
export type EventType = 'voice' | 'sms' | 'data' | 'message';

/**
 * The authorised scope of a read (IPA 2016 Part 3: the authorisation's numbers and date range bind
 * the data acquired under it). A record is inside the scope when its start time lies in
 * [from, to] (both inclusive, each optional) and, when `numbers` is given, its A or B party is one
 * of them. Numbers are matched in their stored (normalised) form; unknown numbers match nothing.
 */
export interface Scope {
  numbers?: string[];
  from?: Date;
  to?: Date;
}

/**
 * A batch of directed contact pairs read straight from DuckDB's integer vectors: the graph
 * engine's input type, defined once in graph/ (which depends on nothing here).
 */
export type { EdgeBatch };

export type ImportPhase = 'read' | 'validate' | 'dedupe' | 'load' | 'index' | 'rejects' | 'commit';

export interface ImportProgress {
  phase: ImportPhase;
  file?: string;
  rowsDone: number;
  rowsTotal?: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ImportOptions {
  /** Called during the import; throwing from it aborts and rolls the import back. */
  onProgress?: (progress: ImportProgress) => void;
  /** Where to write the rejects CSV; default `<dir>/<datasetId>.rejects.csv`. */
  rejectsPath?: string;
  /** Poll interval for progress while DuckDB runs a long statement (ms, default 200). */
  progressIntervalMs?: number;
  /** Aborting it stops the import in whatever step it is in, leaving the dataset as it was. */
  signal?: AbortSignal;
  /**
   * The dataset's authorisation (IPA 2016 Part 3): a record dated outside [from, to], or (when
   * numbers are listed) with neither party among them, is not loaded but counted out of scope and
   * listed in the rejects file with its line.
   */
  authorised?: { from: Date; to: Date; numbers: readonly string[] };
}

/**
 * How a file's lines were accounted for: lines = headerLines + blankLines + continuationLines +
 * read, and read = loaded + duplicates + rejected + outOfScope (both checked by every import).
 */
export interface ImportFileResult {
  path: string;
  lines: number;
  headerLines: number;
  blankLines: number;
  /** Lines after the first of records whose quoted value spans lines. */
  continuationLines: number;
  /** Records read (each loaded, a duplicate, rejected or out of scope). */
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  outOfScope: number;
}

export interface ImportResult {
  /** Physical lines of the files. */
  lines: number;
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  /** Records outside the dataset's authorisation: not loaded, listed in the rejects file. */
  outOfScope: number;
  rejectsPath: string;
  /** Rejected and out-of-scope rows by reason. */
  rejectReasons: Record<string, number>;
  /** The first rejected rows (file, line order), at most 20: the rest are in the rejects file. */
  firstRejects: { file: string; line: number; reason: string; raw: string | null }[];
  /** What the person importing must know: e.g. a file with nothing loadable, records out of scope. */
  warnings: string[];
  files: ImportFileResult[];
}

export interface CellSiteImportResult {
  read: number;
  loaded: number;
  /** Rows naming a cell already given earlier in the file (the first one is kept). */
  duplicates: number;
  rejected: number;
}

export interface CommsEvent {
  id: number;
  type: EventType;
  a: string;
  b: string;
  start: Date;
  durationS: number | null;
  cellId: string | null;
  imei: string | null;
  imsi: string | null;
  sourceFile: string;
  sourceLine: number;
}

export interface PairEventsOptions {
  /** Include b→a events too (default false: only the directed edge a→b). */
  bothDirections?: boolean;
  limit?: number;
  offset?: number;
}

export interface EventPage {
  total: number;
  events: CommsEvent[];
}

export interface TimelineOptions {
  /** Restrict to the events between the number and this other party (a pair's timeline). */
  other?: string;
  /** Gaps between consecutive events longer than this are silent periods (default 72 h). */
  silentHours?: number;
  /** How many top contacts to return (default 20). */
  topContacts?: number;
  /** IANA zone for the hour/day bins (default UTC). */
  timeZone?: string;
}

export interface Timeline {
  number: string;
  other: string | null;
  total: number;
  first: Date | null;
  last: Date | null;
  byType: Record<EventType, number>;
  /** 24 counts, index = hour of day. */
  byHour: number[];
  /** 7 counts, index 0 = Monday … 6 = Sunday (ISO). */
  byWeekday: number[];
  /** 7 × 24 counts: byWeekdayHour[weekday][hour]. */
  byWeekdayHour: number[][];
  byDay: { day: string; count: number }[];
  topContacts: {
    number: string;
    count: number;
    outgoing: number;
    incoming: number;
    first: Date;
    last: Date;
  }[];
  silentPeriods: { from: Date; to: Date; hours: number }[];
}

export interface CoLocationOptions {
  windowMinutes: number;
  /** Also count cells whose sites lie within this many metres (needs cell_sites). */
  radiusMetres?: number;
  scope?: Scope;
  limit?: number;
  /** Only this number is looked for: the co-location of a pair. */
  other?: string;
}

export interface CoLocatedNumber {
  number: string;
  /** Co-location occurrences: pairs of events (one each) on the same/nearby cell within ±T. */
  occurrences: number;
  /** How many of the subject's events had this number nearby. */
  subjectEvents: number;
  cells: string[];
  first: Date;
  last: Date;
}

export interface RepeatedCoLocationOptions extends CoLocationOptions {
  /** Minimum co-location occurrences for a pair to be returned. */
  minOccurrences: number;
}

export interface CoLocatedPair {
  a: string;
  b: string;
  occurrences: number;
  first: Date;
  last: Date;
}

export interface DatasetStats {
  records: number;
  numbers: number;
  directedPairs: number;
  undirectedPairs: number;
  selfLoops: number;
  first: Date | null;
  last: Date | null;
  spanDays: number;
}

/** One dataset's analytics data. The analysis code depends only on this. */
export interface DatasetStore {
  readonly datasetId: string;
  importFiles(files: string[], profile: ProviderProfile, options?: ImportOptions): Promise<ImportResult>;
  importCellSites(file: string, options?: { delimiter?: string }): Promise<CellSiteImportResult>;
  /** Bumped by every import that changes the data; caches (CSR graph) key on it. */
  dataVersion(): Promise<number>;
  /** The directed pairs of a scope in (source, target) order; each batch owns its arrays. */
  streamPairs(scope?: Scope, batchSize?: number): AsyncIterable<EdgeBatch>;
  numberCount(): Promise<number>;
  lookupIds(numbers: readonly string[]): Promise<Map<string, number>>;
  lookupNumbers(ids: ArrayLike<number>): Promise<string[]>;
  pairEvents(a: string, b: string, scope?: Scope, options?: PairEventsOptions): Promise<EventPage>;
  /** The first events by id: the first records loaded, in file and line order. */
  firstEvents(limit: number): Promise<CommsEvent[]>;
  timeline(number: string, scope?: Scope, options?: TimelineOptions): Promise<Timeline>;
  coLocation(number: string, options: CoLocationOptions): Promise<CoLocatedNumber[]>;
  repeatedCoLocation(options: RepeatedCoLocationOptions): Promise<CoLocatedPair[]>;
  stats(scope?: Scope): Promise<DatasetStats>;
}

/**
 * The bulk communications-data store. DuckDB embedded today; a distributed SQL engine can
 * implement the same interface later without touching the analysis code.
 */
export interface AnalyticsStore {
  dataset(datasetId: string): DatasetStore;
  /** Closes the dataset (if open) and deletes its database file(s). */
  deleteDataset(datasetId: string): Promise<void>;
  close(): Promise<void>;
}
