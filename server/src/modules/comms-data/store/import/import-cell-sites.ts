import type { DuckDBConnection } from '@duckdb/node-api';
import type { CellSiteImportResult } from '../analytics-store.types.js';
import { num, queryRows } from '../duckdb-exec.js';
import { sqlString } from '../sql-literal.js';

/**
 * Imports cell sites from a CSV with header `cell_id,lat,lon,azimuth` (azimuth optional), in one
 * transaction; a site already held is replaced. Rows with a bad or out-of-range coordinate are
 * rejected and counted.
 */
export async function importCellSites(
  connection: DuckDBConnection,
  path: string,
  delimiter = ',',
): Promise<CellSiteImportResult> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`CREATE TEMP TABLE sites_in AS SELECT NULLIF(trim(cell_id), '') AS cell_id,
        TRY_CAST(lat AS DOUBLE) AS lat, TRY_CAST(lon AS DOUBLE) AS lon, TRY_CAST(NULLIF(trim(azimuth), '') AS SMALLINT) AS azimuth
      FROM read_csv(${sqlString(path)}, header = true, delim = ${sqlString(delimiter)}, all_varchar = true,
        union_by_name = true, null_padding = true)`);
    const valid = `cell_id IS NOT NULL AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180`;
    await connection.run(
      `CREATE TEMP TABLE sites_ok AS SELECT DISTINCT ON (cell_id) * FROM sites_in WHERE ${valid}`,
    );
    await connection.run('DELETE FROM cell_sites WHERE cell_id IN (SELECT cell_id FROM sites_ok)');
    await connection.run('INSERT INTO cell_sites SELECT cell_id, lat, lon, azimuth FROM sites_ok');
    const rows = await queryRows(
      connection,
      `SELECT (SELECT count(*) FROM sites_in) AS r, (SELECT count(*) FROM sites_in WHERE ${valid}) AS ok`,
    );
    await connection.run('COMMIT');
    const read = num(rows[0]!.r);
    const ok = num(rows[0]!.ok);
    return { read, loaded: ok, rejected: read - ok };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
