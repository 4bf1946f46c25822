import { rm, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { num, queryRows } from '../duckdb-exec.js';
import { asInputFileError } from '../input-file-error.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import { sqlString } from '../sql-literal.js';
import { checkCsvStart, readCsvHeader } from './csv-header.js';
import { type CsvEncoding, writeLfCopy } from './csv-input.js';
import type { ImportProgressReporter } from './import-progress.js';
import { type Breakpoint, goodRecordBreakpoints, locateRecords, readLines } from './line-locator.js';
import type { RejectRow } from './rejects-file.js';
import { parquetRawTextSql, stageSelectSql } from './source-select.sql.js';

export interface StagedFile {
  path: string;
  read: number;
  /** Rows to load (set by {@link collectRejects}, once the party rules have run). */
  good: number;
  /** Reader rejects at first; {@link collectRejects} adds the staged rows with a reason. */
  rejects: RejectRow[];
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

/** DuckDB's reader refusing a whole file whose lines end in both CRLF and LF. */
const MIXED_LINE_ENDS = /CSV Parser state machine reached an invalid state/;

/** DuckDB's reader error types mapped to the reasons in the rejects file. */
function readerReason(errorType: string, encoding: CsvEncoding): string {
  if (errorType === 'MISSING COLUMNS' || errorType === 'TOO MANY COLUMNS') return 'wrong column count';
  if (errorType === 'INVALID ENCODING' && encoding === 'utf-8')
    return "not UTF-8 text (if the file is Latin-1, set the profile's csv.encoding to 'latin-1')";
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

/**
 * Reads one file with DuckDB's reader into a staging table, validated and normalised but for the
 * parties (import/party-map.ts), and returns the reader's rejects and a SELECT of the good rows with
 * their physical line numbers (read straight from the staging table by the load step: no copy).
 */
export async function stageFile(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  profile: ProviderProfile,
  input: { path: string; index: number; bytesFrom: number; workPath: string },
): Promise<StagedFile> {
  const { path, index } = input;
  const size = (await stat(path)).size;
  const csv = profile.format === 'csv';
  const stage = `stage_${index}`;
  const rejectsTable = `reader_rejects_${index}`;
  const spec = {
    path,
    rejectsTable,
    rejectsScanTable: `reader_scans_${index}`,
    headerNames: undefined as string[] | undefined,
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
  const located = csv ? locateRecords(path, profile.csv.header, profile.csv.quote) : Promise.resolve([]);
  // Handled here at once: it may fail (a broken gzip stream) while DuckDB is still reading, and is
  // awaited only after; an unhandled rejection in between would end the process.
  located.catch(() => undefined);
  reporter.phase('read', { file: path, bytesDone: input.bytesFrom });
  const read = (source: string) =>
    reporter.run(
      `CREATE TEMP TABLE ${stage} AS ${stageSelectSql(profile, { ...spec, path: source }, parquetColumns)}`,
      { bytesFrom: input.bytesFrom, bytesTo: input.bytesFrom + size },
    );
  let breakpoints: Breakpoint[];
  try {
    await read(path).catch(async (error: unknown) => {
      if (!csv || !MIXED_LINE_ENDS.test(String(error))) throw error;
      // Mixed CRLF and LF lines: read an LF copy (same lines, so the line numbers hold).
      const copy = `${input.workPath}.lf-${index}.csv`;
      try {
        await connection.run(
          `DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${spec.rejectsScanTable}`,
        );
        await writeLfCopy(path, copy);
        await read(copy).catch((again: unknown) => {
          throw asInputFileError(again, copy, path);
        });
      } finally {
        await rm(copy, { force: true });
      }
    });
    breakpoints = await located;
  } catch (error) {
    await located.catch(() => undefined); // the locator ends (its file closed) before the error goes up
    throw asInputFileError(error, path);
  }
  reporter.phase('validate', { file: path, bytesDone: input.bytesFrom + size });
  const rejects: RejectRow[] = [];
  let lineExpr = 'rec + 1';
  let from = stage;
  if (csv) {
    const readerRows = await queryRows(
      connection,
      `SELECT line, first(error_type ORDER BY byte_position) AS error_type, first(csv_line ORDER BY byte_position) AS csv_line
       FROM ${rejectsTable} GROUP BY line ORDER BY line`,
    );
    for (const r of readerRows) {
      const raw = String(r.csv_line ?? '').replace(/^\r?\n/, '');
      rejects.push({
        file: path,
        line: num(r.line),
        reason: readerReason(String(r.error_type), profile.csv.encoding),
        raw,
      });
    }
    const bps = goodRecordBreakpoints(
      breakpoints,
      readerRows.map((r) => num(r.line)),
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
  const tables = [stage];
  if (from !== stage) tables.push(`bp_${index}`);
  const staged = num((await queryRows(connection, `SELECT count(*) AS n FROM ${stage}`))[0]!.n);
  const goodRows = `SELECT CAST(${index} AS INTEGER) AS file_idx, CAST(${lineExpr} AS BIGINT) AS line,
      type, served, ra, rb, start_ts, duration_s, cell_id, imei, imsi
    FROM ${from} WHERE reason IS NULL`;
  return {
    path,
    read: staged + rejects.length,
    good: 0,
    rejects,
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

/**
 * Once every rule has marked the staged rows (the party rules run over all files together), lists
 * the file's rejected rows with their physical line, reason and raw text (the line as written for
 * CSV, the fields read for Parquet) and counts the rows to load. Returns how many staged rows were
 * rejected (the reader's rejects were never staged).
 */
export async function collectRejects(
  connection: DuckDBConnection,
  profile: ProviderProfile,
  file: StagedFile,
): Promise<number> {
  const bad = await queryRows(
    connection,
    `SELECT ${file.lineExpr} AS line, rec, reason, raw FROM ${file.from} WHERE reason IS NOT NULL`,
  );
  const rawText = new Map<number, string>();
  if (profile.format === 'csv') {
    const lines = await readLines(file.path, new Set(bad.map((r) => num(r.line))), profile.csv.encoding);
    for (const [line, text] of lines) rawText.set(line, text);
  } else {
    const missing = bad.filter((r) => r.raw === null).map((r) => num(r.rec));
    for (let i = 0; i < missing.length; i += 1000) {
      const rows = await queryRows(connection, file.parquetRawText!(missing.slice(i, i + 1000)));
      for (const r of rows) rawText.set(num(r.rec) + 1, String(r.raw));
    }
  }
  for (const r of bad) {
    const line = num(r.line);
    file.rejects.push({
      file: file.path,
      line,
      reason: String(r.reason),
      raw: rawText.get(line) ?? (r.raw === null ? null : String(r.raw)),
    });
  }
  file.good = file.read - file.rejects.length;
  return bad.length;
}
