import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CommsEvent, ImportResult } from './analytics-store.types.js';
import { DuckDbStore } from './duckdb-store.js';
import { openCsvBytes } from './import/csv-input.js';
import { asInputFileError } from './input-file-error.js';
import type { ProviderProfile } from './provider-profile.schema.js';
import { pageLimit } from './queries/query-options.js';

export interface ImportPreview {
  /** Records the sample held, and what became of them (as the import would count them). */
  sample: Pick<ImportResult, 'read' | 'loaded' | 'duplicates' | 'rejected' | 'rejectReasons'>;
  /** The sample's records as they would be stored: normalised numbers, UTC times, types. */
  events: Omit<CommsEvent, 'id' | 'sourceFile'>[];
  /** The sample's rejected lines with the reason (line numbers are the file's own). */
  rejects: { line: number; reason: string; raw: string | null }[];
}

/** Writes the first `lines` physical lines of a (possibly gzip-compressed) delimited file. */
async function copyFirstLines(from: string, to: string, lines: number): Promise<void> {
  const out = createWriteStream(to);
  let seen = 0;
  const input = openCsvBytes(from);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let end = 0;
      while (seen < lines) {
        const nl = chunk.indexOf(0x0a, end);
        if (nl === -1) {
          end = chunk.length;
          break;
        }
        end = nl + 1;
        seen += 1;
      }
      if (!out.write(chunk.subarray(0, end))) await once(out, 'drain');
      if (seen >= lines) break;
    }
  } finally {
    input.destroy();
    out.end();
    await once(out, 'close');
  }
}

/** Writes the first `rows` rows of a Parquet file to `to`. */
async function copyFirstParquetRows(from: string, to: string, rows: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run('COPY (SELECT * FROM read_parquet($1) LIMIT $2) TO $3 (FORMAT parquet)', [from, rows, to]);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/**
 * Runs a real import of a file's first `limit` records into a throw-away dataset and returns what
 * would be stored and what would be rejected: how a profile for a new provider layout is tried
 * before it is registered or used. The work directory is removed afterwards, whatever happens.
 */
export async function previewImport(
  file: string,
  profile: ProviderProfile,
  options: { limit?: number; workDir: string },
): Promise<ImportPreview> {
  const limit = pageLimit('limit', options.limit ?? 20, 1000);
  await mkdir(options.workDir, { recursive: true });
  const dir = await mkdtemp(join(options.workDir, 'preview-'));
  const store = new DuckDbStore(dir, { memoryLimitBytes: 256 * 2 ** 20 });
  const sample = join(dir, profile.format === 'parquet' ? 'sample.parquet' : 'sample.csv');
  try {
    try {
      if (profile.format === 'parquet') await copyFirstParquetRows(file, sample, limit);
      else await copyFirstLines(file, sample, limit + (profile.csv.header ? 1 : 0));
    } catch (error) {
      throw asInputFileError(error, file);
    }
    const ds = store.dataset('preview');
    const result = await ds.importFiles([sample], profile, { rejectsPath: join(dir, 'rejects.csv') });
    const events = (await ds.firstEvents(limit)).map(({ id: _id, sourceFile: _file, ...e }) => e);
    return {
      sample: {
        read: result.read,
        loaded: result.loaded,
        duplicates: result.duplicates,
        rejected: result.rejected,
        rejectReasons: result.rejectReasons,
      },
      events,
      rejects: result.firstRejects.map(({ line, reason, raw }) => ({ line, reason, raw })),
    };
  } catch (error) {
    // Messages name the sample's temporary path; the caller knows the file by its own name.
    if (error instanceof Error) error.message = error.message.replaceAll(sample, file);
    throw error;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
