import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportOptions, ImportResult } from '../analytics-store.types.js';
import { readMeta, writeMeta } from '../dataset-meta.js';
import { dropShadowTables } from '../dataset-schema.sql.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import { sqlString } from '../sql-literal.js';
import { ImportProgressReporter } from './import-progress.js';
import { loadStaged, NEW_CELLS } from './load-staged.js';
import { NEW_NUMBERS, resolveParties } from './party-map.js';
import { prepareDerived, swapInDerived } from './rebuild-derived.js';
import { type RejectRow, writeRejectsFile } from './rejects-file.js';
import { type StagedFile, stageFile } from './stage-file.js';

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
 * + rejected); rejects go to a CSV with file, line, reason and raw line, renamed into place only
 * after the commit.
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
  );
  await connection.run(`SET enable_progress_bar = true; SET enable_progress_bar_print = false;
    SET TimeZone = ${sqlString(profileTimeZone(profile))}`);
  const tmpRejects = `${rejectsPath}.tmp-${process.pid}`;
  let committed = false;
  let inTransaction = false;
  try {
    await dropShadowTables(connection);
    const staged: StagedFile[] = [];
    let bytesFrom = 0;
    for (const [index, path] of files.entries()) {
      staged.push(
        await stageFile(connection, reporter, profile, { path, index, bytesFrom, workPath: tmpRejects }),
      );
      bytesFrom += sizes[index]!;
    }
    reporter.phase('validate', { bytesDone: bytesTotal, file: undefined });
    const parties = await resolveParties(connection, reporter, profile, staged);
    const good = staged.reduce((s, f) => s + f.good, 0);
    const read = staged.reduce((s, f) => s + f.read, 0);
    reporter.phase('load', { rowsDone: 0, rowsTotal: good });
    const load = await loadStaged(connection, reporter, files, staged);
    const loaded = load.loadedByFile.reduce((s, x) => s + x, 0);
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
    const sources = files.map((f, i) => `(${load.firstSource + i}, ${sqlString(f)}, timezone('UTC', now()))`);
    await connection.run(`INSERT INTO sources VALUES ${sources.join(', ')}`);
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
    return {
      read,
      loaded,
      duplicates: good - loaded,
      rejected: rejects.length,
      rejectsPath,
      rejectReasons,
      firstRejects,
      files: files.map((path, i) => ({
        path,
        read: staged[i]!.read,
        loaded: load.loadedByFile[i]!,
        duplicates: staged[i]!.good - load.loadedByFile[i]!,
        rejected: staged[i]!.rejects.length,
      })),
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
