import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportFileResult, ImportOptions, ImportResult } from '../analytics-store.types.js';
import { readMeta, writeMeta } from '../dataset-meta.js';
import { dropShadowTables } from '../dataset-schema.sql.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import { ImportProgressReporter } from './import-progress.js';
import { loadStaged, NEW_CELLS } from './load-staged.js';
import { NEW_NUMBERS, resolveParties } from './party-map.js';
import { prepareDerived, swapInDerived } from './rebuild-derived.js';
import { type RejectRow, writeRejectsFile } from './rejects-file.js';
import { ImportAccountingError, type StagedFile, stageFile } from './stage-file.js';
import { OUT_OF_PERIOD, OUT_OF_SCOPE_REASONS } from './source-select.sql.js';

function profileTimeZone(profile: ProviderProfile): string {
  return profile.time.kind === 'epoch' ? 'UTC' : profile.time.timeZone;
}

/**
 * Imports files into a dataset atomically: if anything throws (including the progress callback) or
 * the process dies, the dataset is left exactly as before. The bulk of the work (staging, new
 * parties, new events, derived tables) is written to temporary and `import_*` shadow tables that
 * no reader names, each committed on its own so DuckDB scans it on every thread (data written
 * inside an open transaction is scanned on one); ONE short transaction at the end moves them into
 * place (ADR 0006). Every row read is loaded, a duplicate, or rejected (read = loaded + duplicates
 * + rejected + out of scope, and the file's lines are those records plus its header, blank and
 * continuation lines: both checked before the commit, a mismatch fails the import); rejects go to
 * a CSV with file, line, reason and raw line, renamed into place only after the commit.
 */
export async function importFiles(
  connection: DuckDBConnection,
  inputFiles: string[],
  profile: ProviderProfile,
  rejectsPath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const files = [...new Set(inputFiles.map((f) => resolve(f)))];
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const bytesTotal = sizes.reduce((s, x) => s + x, 0);
  const reporter = new ImportProgressReporter(
    connection,
    options.onProgress,
    bytesTotal,
    options.progressIntervalMs,
    options.signal,
  );
  reporter.check();
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  await connection.run('SET TimeZone = $1', [profileTimeZone(profile)]);
  const tmpRejects = `${rejectsPath}.tmp-${process.pid}`;
  let committed = false;
  let inTransaction = false;
  try {
    await dropShadowTables(connection);
    const staged: StagedFile[] = [];
    let bytesFrom = 0;
    for (const [index, path] of files.entries()) {
      staged.push(
        await stageFile(connection, reporter, profile, {
          path,
          index,
          bytesFrom,
          workPath: tmpRejects,
          ...(options.authorised ? { period: options.authorised } : {}),
        }),
      );
      bytesFrom += sizes[index]!;
    }
    reporter.phase('validate', { bytesDone: bytesTotal, file: undefined });
    const parties = await resolveParties(
      connection,
      reporter,
      profile,
      staged,
      options.authorised?.numbers ?? [],
    );
    const good = staged.reduce((s, f) => s + f.good, 0);
    const read = staged.reduce((s, f) => s + f.read, 0);
    reporter.phase('load', { rowsDone: 0, rowsTotal: good });
    const load = await loadStaged(connection, reporter, files, staged);
    const loaded = load.loadedByFile.reduce((s, x) => s + x, 0);
    const fileResults = accountFor(files, staged, load);
    reporter.phase('index', { rowsDone: loaded, rowsTotal: loaded });
    const derived = await prepareDerived(connection, reporter);
    const rejects: RejectRow[] = staged.flatMap((f) => f.rejects);
    reporter.phase('rejects', { rowsDone: read, rowsTotal: read });
    const firstRejects = await writeRejectsFile(tmpRejects, rejects);
    reporter.phase('commit');
    await connection.run('BEGIN TRANSACTION');
    inTransaction = true;
    await connection.run(`INSERT INTO numbers SELECT id, number FROM ${NEW_NUMBERS}`);
    await connection.run(`INSERT INTO cells SELECT cell, cell_id FROM ${NEW_CELLS}`);
    const sources = files.map((_, i) => `(${load.firstSource + i}, $${i + 1}, timezone('UTC', now()))`);
    await connection.run(`INSERT INTO sources VALUES ${sources.join(', ')}`, files);
    await swapInDerived(connection, derived);
    await writeMeta(connection, 'next_number_id', parties.nextNumberId);
    await writeMeta(connection, 'next_event_id', load.nextEventId);
    if (loaded > 0)
      await writeMeta(connection, 'data_version', (await readMeta(connection, 'data_version')) + 1);
    await connection.run('COMMIT');
    committed = true; // the temporary tables go with the import's own connection
    await rename(tmpRejects, rejectsPath);
    const rejectReasons: Record<string, number> = {};
    for (const r of rejects) rejectReasons[r.reason] = (rejectReasons[r.reason] ?? 0) + 1;
    const sum = (key: keyof Omit<ImportFileResult, 'path'>) => fileResults.reduce((s, f) => s + f[key], 0);
    return {
      lines: sum('lines'),
      read,
      loaded,
      duplicates: sum('duplicates'),
      rejected: sum('rejected'),
      outOfScope: sum('outOfScope'),
      rejectsPath,
      rejectReasons,
      firstRejects,
      warnings: importWarnings(fileResults, rejectReasons, options.authorised),
      files: fileResults,
    };
  } catch (error) {
    if (inTransaction && !committed) await connection.run('ROLLBACK').catch(() => undefined);
    // The shadow tables were committed one by one: drop them (a killed process leaves them to the
    // next open, see ensureSchema). Temporary tables go with the connection.
    if (!committed) await dropShadowTables(connection).catch(() => undefined);
    await rm(tmpRejects, { force: true });
    throw error;
  }
}

/**
 * Each file's lines accounted for, from counts taken independently (the locator's lines, the
 * reader's rows, the rejects listed, the duplicates deleted and the events left in the import's
 * table): lines = header + blank + continuation lines + records, and records = loaded + duplicates
 * + rejected + out of scope. A mismatch means a record would be lost without a word: the import
 * fails before its commit.
 */
function accountFor(
  files: string[],
  staged: StagedFile[],
  load: { loadedByFile: number[]; duplicatesByFile: number[] },
): ImportFileResult[] {
  return files.map((path, i) => {
    const f = staged[i]!;
    const c = f.located;
    const result: ImportFileResult = {
      path,
      lines: c.lines,
      headerLines: c.headerLines,
      blankLines: c.blankLines,
      continuationLines: c.continuationLines,
      read: f.read,
      loaded: load.loadedByFile[i]!,
      duplicates: load.duplicatesByFile[i]!,
      rejected: f.rejects.length - f.outOfScope,
      outOfScope: f.outOfScope,
    };
    const lines = c.headerLines + c.blankLines + c.continuationLines + f.read;
    const records = result.loaded + result.duplicates + result.rejected + result.outOfScope;
    if (lines !== c.lines || records !== f.read || f.read !== c.records)
      throw new ImportAccountingError(
        `${path}: the import's counts do not add up (lines ${c.lines}: ${c.headerLines} header, ${c.blankLines} blank, ${c.continuationLines} continuation, ${c.records} records; records read ${f.read}: ${result.loaded} loaded, ${result.duplicates} duplicates, ${result.rejected} rejected, ${result.outOfScope} out of scope); nothing was loaded`,
      );
    return result;
  });
}

/** "1 record was" / "2 records were". */
function records(n: number): string {
  return n === 1 ? '1 record' : `${n} records`;
}

/** What the person importing must be told beside the counts. */
function importWarnings(
  files: ImportFileResult[],
  reasons: Record<string, number>,
  authorised: ImportOptions['authorised'],
): string[] {
  const warnings: string[] = [];
  for (const f of files) {
    if (f.read === 0)
      warnings.push(`${f.path} holds no records (${f.lines} line${f.lines === 1 ? '' : 's'})`);
    else if (f.loaded + f.duplicates === 0)
      warnings.push(
        `nothing loadable in ${f.path}: of its ${records(f.read)}, ${f.rejected} rejected and ${f.outOfScope} outside the authorisation (see the rejects file)`,
      );
  }
  const listed = (n: number) => `${n === 1 ? 'it is' : 'they are'} listed in the rejects file`;
  const outOfPeriod = reasons[OUT_OF_PERIOD] ?? 0;
  if (outOfPeriod > 0 && authorised)
    warnings.push(
      `${records(outOfPeriod)} dated outside the authorised period (${authorised.from.toISOString()} to ${authorised.to.toISOString()}) ${outOfPeriod === 1 ? 'was' : 'were'} not loaded; ${listed(outOfPeriod)}`,
    );
  const outside = Object.entries(reasons)
    .filter(([reason]) => OUT_OF_SCOPE_REASONS.has(reason) && reason !== OUT_OF_PERIOD)
    .reduce((s, [, n]) => s + n, 0);
  if (outside > 0)
    warnings.push(
      `${records(outside)} with neither party among the authorised numbers ${outside === 1 ? 'was' : 'were'} not loaded; ${listed(outside)}`,
    );
  return warnings;
}
