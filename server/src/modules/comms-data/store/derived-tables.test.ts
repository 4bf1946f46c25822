import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { DuckDbStore } from './duckdb-store.js';
import { tempDirPerTest } from './fixtures/test-helpers.js';

const temp = tempDirPerTest();

/** Generic-profile CSV of records `from` … `to − 1` (distinct records, shared parties and cells). */
async function records(path: string, from: number, to: number): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`COPY (SELECT CASE i % 3 WHEN 0 THEN 'voice' WHEN 1 THEN 'sms' ELSE 'data' END AS type,
      '0770090' || lpad(CAST(i % 97 AS VARCHAR), 4, '0') AS a, '0770080' || lpad(CAST((i * 7) % 89 AS VARCHAR), 4, '0') AS b,
      strftime(TIMESTAMP '2024-01-01' + to_seconds(i * 13), '%Y-%m-%dT%H:%M:%SZ') AS start, i % 600 AS duration_s,
      CASE WHEN i % 5 <> 0 THEN 'C' || (i % 23) END AS cell_id, NULL AS imei, NULL AS imsi
    FROM range(${from}, ${to}) t(i)) TO '${path}' (HEADER)`);
  c.closeSync();
  instance.closeSync();
  return path;
}

/**
 * The derived tables as they are, and as a from-scratch derivation from `events` gives them, each
 * as a sorted list of rows; plus the sorted-run count and any tables an import left behind.
 */
async function derivedState(file: string) {
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  const rows = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowsJson().map((r) => JSON.stringify(r));
  const byParty = `SELECT a_id, start_ts, b_id, 0, type, duration_s, CASE WHEN served = 0 THEN cell END, id FROM events
    UNION ALL SELECT b_id, start_ts, a_id, 1, type, duration_s, CASE WHEN served = 1 THEN cell END, id FROM events WHERE a_id <> b_id`;
  const state = {
    byParty: await rows('SELECT * FROM events_by_party ORDER BY ALL'),
    byPartyFromEvents: await rows(`SELECT * FROM (${byParty}) ORDER BY ALL`),
    byCell: await rows('SELECT * FROM events_by_cell ORDER BY ALL'),
    byCellFromEvents: await rows(
      `SELECT cell_id, start_ts, party_id, other_id, event_id FROM (${byParty}) x(party_id, start_ts, other_id, d, t, u, cell_id, event_id)
       WHERE cell_id IS NOT NULL ORDER BY ALL`,
    ),
    pairs: await rows('SELECT * FROM pairs ORDER BY ALL'),
    pairsFromEvents:
      await rows(`SELECT a_id, b_id, count(*)::UINTEGER, min(epoch(start_ts))::UINTEGER, max(epoch(start_ts))::UINTEGER,
      bit_or((1 << type)::UTINYINT) FROM events GROUP BY ALL ORDER BY ALL`),
    runs: Number((await c.runAndReadAll("SELECT value FROM meta WHERE key = 'ebp_runs'")).getRows()[0]?.[0]),
    leftovers: await rows("SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'import_')"),
  };
  c.closeSync();
  instance.closeSync();
  return state;
}

it('appended runs and rebuilds keep the derived tables equal to a derivation from all events', async () => {
  const file = join(temp.dir, 'd.duckdb');
  const imports: { to: number; runs: number }[] = [
    { to: 4000, runs: 1 }, // first load: built whole, renamed into place
    ...[2, 3, 4, 5, 6, 7].map((runs, k) => ({ to: 4200 + 200 * k, runs })), // small: a sorted run appended
    { to: 5400, runs: 1 }, // an eighth run would be one too many: rebuilt whole
    { to: 9000, runs: 1 }, // fresh ≥ a quarter of the held events: rebuilt whole
  ];
  let from = 0;
  for (const [k, step] of imports.entries()) {
    const store = new DuckDbStore(temp.dir);
    const csv = await records(join(temp.dir, `part-${k}.csv`), from, step.to);
    const result = await store.dataset('d').importFiles([csv], getProfile('generic'));
    expect(result.loaded).toBe(step.to - from);
    expect((await store.dataset('d').stats()).records).toBe(step.to);
    await store.close();
    const state = await derivedState(file);
    expect(state.byParty).toEqual(state.byPartyFromEvents);
    expect(state.byCell).toEqual(state.byCellFromEvents);
    expect(state.pairs).toEqual(state.pairsFromEvents);
    expect({ step: k, runs: state.runs }).toEqual({ step: k, runs: step.runs });
    expect(state.leftovers).toEqual([]);
    from = step.to;
  }
});
