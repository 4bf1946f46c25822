import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../duckdb-exec.js';
import { QueryInputError } from '../query-input-error.js';

/** Zones DuckDB has accepted (its ICU data is the same for every database of the process). */
const known = new Set<string>(['UTC']);
const MAX_KNOWN = 1_000;

/**
 * Refuses a time zone DuckDB does not know, as the caller's mistake. DuckDB itself is asked (the
 * zone bound to one tiny statement), since its ICU accepts spellings the JS one does not (e.g.
 * 'europe/london'); the answer is remembered.
 */
export async function checkTimeZone(connection: DuckDBConnection, zone: string): Promise<void> {
  if (known.has(zone)) return;
  if (typeof zone !== 'string') throw new QueryInputError('timeZone', 'a time zone is a name');
  try {
    await queryRows(connection, "SELECT timezone($1, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS t", [zone]);
  } catch (error) {
    if (error instanceof Error && error.message.includes('Unknown TimeZone'))
      throw new QueryInputError('timeZone', "not a known IANA time zone (e.g. 'Europe/London', 'UTC')");
    throw error;
  }
  if (known.size < MAX_KNOWN) known.add(zone);
}
