import type { DuckDBConnection } from '@duckdb/node-api';
import { readMeta, writeMeta } from '../dataset-meta.js';
import { EVENTS_BY_CELL_SELECT } from '../dataset-schema.sql.js';
import { num, queryRows } from '../duckdb-exec.js';
import type { ImportProgressReporter } from './import-progress.js';

/** Sorted runs appended to events_by_party before it is rewritten as one sorted run. */
const MAX_RUNS = 8;

/**
 * Each event under both parties (a self-loop once); the cell goes with the served party only, so
 * co-location never places the far end of a call at the near end's cell.
 */
function byPartySelect(where: string): string {
  return `SELECT a_id AS party_id, start_ts, b_id AS other_id, 0::TINYINT AS dir, type, duration_s,
      CASE WHEN served = 0 THEN cell_id END AS cell_id, id AS event_id FROM events WHERE ${where}
    UNION ALL
    SELECT b_id, start_ts, a_id, 1::TINYINT, type, duration_s, CASE WHEN served = 1 THEN cell_id END, id
      FROM events WHERE ${where} AND a_id <> b_id`;
}

function pairsSelect(where: string): string {
  return `SELECT a_id, b_id, count(*)::UINTEGER AS weight, min(epoch(start_ts))::UINTEGER AS first_seen,
      max(epoch(start_ts))::UINTEGER AS last_seen, bit_or((1 << type)::UTINYINT) AS type_mask
    FROM events WHERE ${where} GROUP BY a_id, b_id`;
}

/**
 * Brings events_by_party, events_by_cell and pairs up to date with the events from `firstNewId` on. Small imports
 * append a sorted run to events_by_party (DuckDB zone maps still prune each run) and merge into
 * pairs; a large import, or too many runs, rewrites events_by_party sorted by (party, time) and
 * events_by_cell sorted by (cell, time).
 */
export async function rebuildDerived(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  firstNewId: number,
): Promise<void> {
  const counts = await queryRows(
    connection,
    `SELECT count(*) FILTER (WHERE id >= ${firstNewId}) AS fresh, count(*) FILTER (WHERE id < ${firstNewId}) AS old FROM events`,
  );
  const fresh = num(counts[0]!.fresh);
  const old = num(counts[0]!.old);
  if (fresh === 0) return;
  const runs = await readMeta(connection, 'ebp_runs');
  const newOnly = `id >= ${firstNewId}`;
  if (old === 0 || runs + 1 >= MAX_RUNS || fresh * 4 >= old) {
    await reporter.run(
      `CREATE OR REPLACE TABLE events_by_party AS ${byPartySelect('true')} ORDER BY party_id, start_ts, event_id`,
    );
    await reporter.run(`CREATE OR REPLACE TABLE events_by_cell AS ${EVENTS_BY_CELL_SELECT}`);
    await writeMeta(connection, 'ebp_runs', 1);
  } else {
    await reporter.run(
      `INSERT INTO events_by_party ${byPartySelect(newOnly)} ORDER BY party_id, start_ts, event_id`,
    );
    await reporter.run(`INSERT INTO events_by_cell SELECT cell_id, start_ts, party_id, other_id, event_id
      FROM events_by_party WHERE event_id >= ${firstNewId} AND cell_id IS NOT NULL ORDER BY cell_id, start_ts`);
    await writeMeta(connection, 'ebp_runs', runs + 1);
  }
  await reporter.run(`CREATE OR REPLACE TABLE pairs AS
    SELECT a_id, b_id, sum(weight)::UINTEGER AS weight, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
      bit_or(type_mask) AS type_mask
    FROM (SELECT * FROM pairs UNION ALL ${pairsSelect(newOnly)})
    GROUP BY a_id, b_id ORDER BY a_id, b_id`);
}
