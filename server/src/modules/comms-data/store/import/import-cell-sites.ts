import type { DuckDBConnection } from '@duckdb/node-api';
import type { CellSiteImportResult } from '../analytics-store.types.js';
import { num, queryRows } from '../duckdb-exec.js';
import { InputFileError } from '../input-file-error.js';
import { sqlString } from '../sql-literal.js';
import { readCsvHeader } from './csv-header.js';

const REQUIRED = ['cell_id', 'lat', 'lon'];

/**
 * Imports cell sites from a CSV with header `cell_id,lat,lon,azimuth` (azimuth optional), in one
 * transaction; a site already held is replaced. Rows with a bad or out-of-range coordinate are
 * rejected and counted; a cell listed twice is loaded once (the first) and counted as a duplicate.
 */
export async function importCellSites(
  connection: DuckDBConnection,
  path: string,
  delimiter = ',',
): Promise<CellSiteImportResult> {
  const header = new Set((await readCsvHeader(path, delimiter, '"')).map((h) => h.toLowerCase()));
  const missing = REQUIRED.filter((c) => !header.has(c));
  if (missing.length > 0)
    throw new InputFileError(
      'file',
      `The cell-site file lacks the column(s) ${missing.join(', ')}; its header must name cell_id, lat, lon and optionally azimuth.`,
    );
  const azimuth = header.has('azimuth')
    ? `TRY_CAST(NULLIF(trim(azimuth), '') AS SMALLINT)`
    : 'NULL::SMALLINT';
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`CREATE TEMP TABLE sites_in AS SELECT NULLIF(trim(cell_id), '') AS cell_id,
        TRY_CAST(lat AS DOUBLE) AS lat, TRY_CAST(lon AS DOUBLE) AS lon, ${azimuth} AS azimuth
      FROM read_csv(${sqlString(path)}, header = true, delim = ${sqlString(delimiter)}, all_varchar = true,
        null_padding = true, normalize_names = true)`);
    const valid = `cell_id IS NOT NULL AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180`;
    await connection.run(
      `CREATE TEMP TABLE sites_ok AS SELECT DISTINCT ON (cell_id) * FROM sites_in WHERE ${valid} ORDER BY cell_id, rowid`,
    );
    await connection.run('DELETE FROM cell_sites WHERE cell_id IN (SELECT cell_id FROM sites_ok)');
    await connection.run('INSERT INTO cell_sites SELECT cell_id, lat, lon, azimuth FROM sites_ok');
    const rows = await queryRows(
      connection,
      `SELECT (SELECT count(*) FROM sites_in) AS r, (SELECT count(*) FROM sites_in WHERE ${valid}) AS ok,
        (SELECT count(*) FROM sites_ok) AS loaded`,
    );
    await connection.run('COMMIT');
    const read = num(rows[0]!.r);
    const ok = num(rows[0]!.ok);
    const loaded = num(rows[0]!.loaded);
    return { read, loaded, duplicates: ok - loaded, rejected: read - ok };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
