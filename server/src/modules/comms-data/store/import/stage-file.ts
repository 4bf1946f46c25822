import { rm, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { num, queryRows, type Row } from '../duckdb-exec.js';
import { asInputFileError, InputFileError } from '../input-file-error.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import { sqlString } from '../sql-literal.js';
import { checkCsvStart, readCsvHeader } from './csv-header.js';
import { type CsvEncoding, writeLfCopy } from './csv-input.js';
import type { ImportProgressReporter } from './import-progress.js';
import {
  type Breakpoint,
  goodRecordBreakpoints,
  isRecordStart,
  type LocatedFile,
  locateRecords,
  readLines,
} from './line-locator.js';
import type { RejectRow } from './rejects-file.js';
import {
  MAX_LINE_BYTES,
  OUT_OF_SCOPE_REASONS,
  parquetRawTextSql,
  type SourceSpec,
  stageSelectSql,
} from './source-select.sql.js';

export interface StagedFile {
  path: string;
  /** How the file's lines divide (CSV: as the locator counted them; Parquet: one line per row). */
  located: Omit<LocatedFile, 'breakpoints'>;
  read: number;
  /** Rows to load (set by {@link collectRejects}, once the party rules have run). */
  good: number;
  /** Reader rejects at first; {@link collectRejects} adds the staged rows with a reason. */
  rejects: RejectRow[];
  /** Rows outside the authorisation (set by {@link collectRejects}; also in `rejects`). */
  outOfScope: number;
  /**
   * SELECT of the file's good rows: file_idx, line, type, served, ra, rb (the parties as read),
   * start_ts, duration_s, cell_id, imei, imsi.
   */
  goodRows: string;
  /** The staging table: a row whose `reason` is set is not loaded. */
  stageTable: string;
  /** Temporary tables to drop once the rows are loaded. */
  tables: string[];
  /** The staged rows with their physical line (`lineExpr`), for the rejects. */
  from: string;
  lineExpr: string;
  /** SELECT of the raw text of Parquet rows by row number (`rec`), for party rejects; CSV: undefined. */
  parquetRawText?: (rowNumbers: number[]) => string;
}

/**
 * The import could not account for every line of a file (the reader returned fewer or other
 * records than the file holds): the import fails and loads nothing rather than lose records
 * without a word.
 */
export class ImportAccountingError extends InputFileError {
  constructor(message: string) {
    super('files', message);
    this.name = 'ImportAccountingError';
  }
}

/** DuckDB's reader refusing a whole file whose lines end in both CRLF and LF. */
const MIXED_LINE_ENDS = /CSV Parser state machine reached an invalid state/;

/** DuckDB's reader error types mapped to the reasons in the rejects file. */
function readerReason(errorType: string, encoding: CsvEncoding): string {
  if (errorType === 'MISSING COLUMNS' || errorType === 'TOO MANY COLUMNS') return 'wrong column count';
  if (errorType === 'INVALID ENCODING' && encoding === 'utf-8')
    return "not UTF-8 text (if the file is Latin-1, set the profile's csv.encoding to 'latin-1')";
  if (errorType === 'LINE SIZE OVER MAXIMUM') return `line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`;
  return `unreadable line (${errorType.toLowerCase()})`;
}

async function insertBreakpoints(
  connection: DuckDBConnection,
  table: string,
  bps: Breakpoint[],
): Promise<void> {
  await connection.run(`CREATE TEMP TABLE ${table} (record BIGINT, "offset" BIGINT)`);
  for (let i = 0; i < bps.length; i += 1000) {
    const values = bps
      .slice(i, i + 1000)
      .map((b) => `(${b.record}, ${b.offset})`)
      .join(',');
    await connection.run(`INSERT INTO ${table} VALUES ${values}`);
  }
}

/** The reader's rejected lines (one row per line, its first error) and the count of rows staged. */
async function readerOutcome(
  connection: DuckDBConnection,
  stage: string,
  rejectsTable: string,
): Promise<{ readerRows: Row[]; staged: number }> {
  const readerRows = await queryRows(
    connection,
    // A line over the size limit is named as such (the reader also finds its columns wrong).
    `SELECT line, first(error_type ORDER BY error_type <> 'LINE SIZE OVER MAXIMUM', byte_position) AS error_type,
       first(csv_line ORDER BY byte_position) AS csv_line
     FROM ${rejectsTable} GROUP BY line ORDER BY line`,
  );
  const staged = num((await queryRows(connection, `SELECT count(*) AS n FROM ${stage}`))[0]!.n);
  return { readerRows, staged };
}

/**
 * Why the reader's outcome does not account for the file's records (undefined when it does): it
 * must have returned as many rows, staged or rejected, as the locator found records, and every
 * line it rejected must be a line where a record starts.
 */
function accountingGap(
  located: LocatedFile,
  outcome: { readerRows: Row[]; staged: number },
): string | undefined {
  const returned = outcome.staged + outcome.readerRows.length;
  if (returned !== located.records)
    return `the reader returned ${returned} of its ${located.records} records (${outcome.staged} read, ${outcome.readerRows.length} rejected)`;
  const stray = outcome.readerRows.map((r) => num(r.line)).find((line) => !isRecordStart(located, line));
  return stray === undefined ? undefined : `the reader rejected line ${stray}, where no record starts`;
}

/**
 * Reads one file with DuckDB's reader into a staging table, validated and normalised but for the
 * parties (import/party-map.ts), and returns the reader's rejects and a SELECT of the good rows with
 * their physical line numbers (read straight from the staging table by the load step: no copy).
 * Every record is accounted for: the reader's rows and rejects are checked against the records the
 * JS locator counted; when they disagree (DuckDB's parallel scan can drop records, see
 * {@link SourceSpec.parallel}) the file is read again in one sequential scan, and if that still
 * disagrees the import fails with {@link ImportAccountingError}.
 */
export async function stageFile(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  profile: ProviderProfile,
  input: {
    path: string;
    index: number;
    bytesFrom: number;
    workPath: string;
    period?: { from: Date; to: Date };
  },
): Promise<StagedFile> {
  const { path, index } = input;
  const signal = reporter.signal;
  const size = (await stat(path)).size;
  const csv = profile.format === 'csv';
  const stage = `stage_${index}`;
  const rejectsTable = `reader_rejects_${index}`;
  const spec: SourceSpec = {
    path,
    rejectsTable,
    rejectsScanTable: `reader_scans_${index}`,
    ...(input.period ? { period: input.period } : {}),
  };
  let parquetColumns: string[] = [];
  if (csv && profile.csv.header)
    spec.headerNames = await readCsvHeader(
      path,
      profile.csv.delimiter,
      profile.csv.quote,
      profile.csv.encoding,
    );
  else if (csv) await checkCsvStart(path);
  if (!csv) {
    const cols = await queryRows(connection, `DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`).catch(
      (error: unknown) => {
        throw asInputFileError(error, path);
      },
    );
    parquetColumns = cols.map((c) => String(c.column_name));
  }
  // The JS locator (newlines and quotes only) runs while DuckDB's threads parse the file.
  const locating = csv
    ? locateRecords(path, profile.csv.header, profile.csv.quote, signal, profile.csv.encoding)
    : undefined;
  // Handled here at once: it may fail (a broken gzip stream) while DuckDB is still reading, and is
  // awaited only after; an unhandled rejection in between would end the process.
  locating?.catch(() => undefined);
  reporter.phase('read', { file: path, bytesDone: input.bytesFrom });
  const read = async (source: string, parallel = true) => {
    await connection.run(
      `DROP TABLE IF EXISTS ${stage}; DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${spec.rejectsScanTable}`,
    );
    await reporter.run(
      `CREATE TEMP TABLE ${stage} AS ${stageSelectSql(profile, { ...spec, path: source, parallel }, parquetColumns)}`,
      { bytesFrom: input.bytesFrom, bytesTo: input.bytesFrom + size },
    );
  };
  // A file mixing CRLF and LF lines is read from an LF copy (same lines, so the line numbers hold).
  const lfCopy = `${input.workPath}.lf-${index}.csv`;
  let source = path;
  let located: LocatedFile;
  let outcome: { readerRows: Row[]; staged: number };
  try {
    try {
      await read(path).catch(async (error: unknown) => {
        if (!csv || !MIXED_LINE_ENDS.test(String(error))) throw error;
        await writeLfCopy(path, lfCopy);
        source = lfCopy;
        await read(lfCopy).catch((again: unknown) => {
          throw asInputFileError(again, lfCopy, path);
        });
      });
      located = csv ? await locating! : await parquetRows(connection, path);
    } catch (error) {
      await locating?.catch(() => undefined); // the locator ends (its file closed) before the error goes up
      throw asInputFileError(error, path);
    }
    outcome = csv
      ? await readerOutcome(connection, stage, rejectsTable)
      : { readerRows: [], staged: await stagedCount(connection, stage) };
    if (csv && accountingGap(located, outcome) !== undefined) {
      await read(source, false);
      outcome = await readerOutcome(connection, stage, rejectsTable);
    }
  } finally {
    await rm(lfCopy, { force: true });
  }
  const gap = accountingGap(located, outcome);
  if (gap !== undefined)
    throw new ImportAccountingError(
      `${path}: not every record could be accounted for: ${gap}; nothing was loaded`,
    );
  reporter.phase('validate', { file: path, bytesDone: input.bytesFrom + size });
  const rejects: RejectRow[] = [];
  let lineExpr = 'rec + 1';
  let from = stage;
  if (csv) {
    for (const r of outcome.readerRows) {
      const raw = String(r.csv_line ?? '').replace(/^\r?\n/, '');
      rejects.push({
        file: path,
        line: num(r.line),
        reason: readerReason(String(r.error_type), profile.csv.encoding),
        raw,
      });
    }
    const bps = goodRecordBreakpoints(
      located.breakpoints,
      outcome.readerRows.map((r) => num(r.line)),
    );
    const base = num((await queryRows(connection, `SELECT min(rowid) AS m FROM ${stage}`))[0]!.m);
    if (bps.length === 1) {
      // Plain file (no blank or multi-line records): one offset, no join needed.
      lineExpr = `rowid - ${base} + ${bps[0]!.offset}`;
    } else {
      await insertBreakpoints(connection, `bp_${index}`, bps);
      from = `(SELECT *, rowid - ${base} AS k FROM ${stage}) s ASOF JOIN bp_${index} bp ON s.k >= bp.record`;
      lineExpr = `k + bp."offset"`;
    }
  }
  await connection.run(`DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${spec.rejectsScanTable}`);
  const tables = [stage];
  if (from !== stage) tables.push(`bp_${index}`);
  const goodRows = `SELECT CAST(${index} AS INTEGER) AS file_idx, CAST(${lineExpr} AS BIGINT) AS line,
      type, served, ra, rb, start_ts, duration_s, cell_id, imei, imsi
    FROM ${from} WHERE reason IS NULL`;
  const { breakpoints: _, ...counts } = located;
  return {
    path,
    located: counts,
    read: outcome.staged + rejects.length,
    good: 0,
    rejects,
    outOfScope: 0,
    goodRows,
    stageTable: stage,
    tables,
    from,
    lineExpr,
    ...(csv
      ? {}
      : {
          parquetRawText: (rowNumbers: number[]) =>
            parquetRawTextSql(profile, { ...spec, path }, parquetColumns, rowNumbers),
        }),
  };
}

async function stagedCount(connection: DuckDBConnection, stage: string): Promise<number> {
  return num((await queryRows(connection, `SELECT count(*) AS n FROM ${stage}`))[0]!.n);
}

/** A Parquet file's rows as "lines" (one per row), from its footer: what the reader must return. */
async function parquetRows(connection: DuckDBConnection, path: string): Promise<LocatedFile> {
  const rows = await queryRows(
    connection,
    `SELECT coalesce(sum(num_rows), 0) AS n FROM parquet_file_metadata(${sqlString(path)})`,
  );
  const n = num(rows[0]!.n);
  return {
    breakpoints: [],
    lines: n,
    records: n,
    headerLines: 0,
    blankLines: 0,
    continuationLines: 0,
  };
}

/**
 * Once every rule has marked the staged rows (the party rules run over all files together), lists
 * the file's rejected and out-of-scope rows with their physical line, reason and raw text (the line
 * as written for CSV, the fields read for Parquet) and counts the rows to load. Returns how many
 * staged rows were set aside (the reader's rejects were never staged).
 */
export async function collectRejects(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  profile: ProviderProfile,
  file: StagedFile,
): Promise<number> {
  const bad = await queryRows(
    connection,
    `SELECT ${file.lineExpr} AS line, rec, reason, raw FROM ${file.from} WHERE reason IS NOT NULL`,
  );
  reporter.check();
  const rawText = new Map<number, string>();
  if (profile.format === 'csv') {
    const lines = await readLines(
      file.path,
      new Set(bad.map((r) => num(r.line))),
      profile.csv.encoding,
      reporter.signal,
    );
    for (const [line, text] of lines) rawText.set(line, text);
  } else {
    const missing = bad.filter((r) => r.raw === null).map((r) => num(r.rec));
    for (let i = 0; i < missing.length; i += 1000) {
      const rows = await queryRows(connection, file.parquetRawText!(missing.slice(i, i + 1000)));
      for (const r of rows) rawText.set(num(r.rec) + 1, String(r.raw));
      reporter.check();
    }
  }
  for (const r of bad) {
    const line = num(r.line);
    const reason = String(r.reason);
    if (OUT_OF_SCOPE_REASONS.has(reason)) file.outOfScope += 1;
    file.rejects.push({
      file: file.path,
      line,
      reason,
      raw: rawText.get(line) ?? (r.raw === null ? null : String(r.raw)),
    });
  }
  file.good = file.read - file.rejects.length;
  return bad.length;
}
