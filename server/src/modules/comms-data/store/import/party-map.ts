import { type DuckDBConnection, listValue } from '@duckdb/node-api';
import { readMeta } from '../dataset-meta.js';
import { num, queryRows } from '../duckdb-exec.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import type { ImportProgressReporter } from './import-progress.js';
import { OUT_OF_NUMBERS, partyNormalSql, partyReasonSql } from './source-select.sql.js';
import { collectRejects, type StagedFile } from './stage-file.js';

/** The import's new parties (temporary table: id, number), inserted into `numbers` at the commit. */
export const NEW_NUMBERS = 'new_numbers';
/** Each party value as read in a good row (r) with its dense id (temporary table: r, id). */
export const PARTY_IDS = 'party_ids';
/** Distinct raw party values with their normal form (n, NULL when it cannot be a party). */
const PARTY_NORM = 'party_norm';
const TEMP_TABLES = [PARTY_NORM, 'party_bad', 'party_orphans', 'party_authorised'];

function rawPartiesSql(staged: StagedFile[], where = 'true'): string {
  return staged
    .map(
      (f) =>
        `SELECT ra AS r FROM ${f.stageTable} WHERE ${where} UNION ALL SELECT rb FROM ${f.stageTable} WHERE ${where}`,
    )
    .join(' UNION ALL ');
}

/**
 * Normalises the parties of every staged row, once per distinct value as read (M: ~1 M values for
 * 20 M parties), applies the party rules (they come before the other rules of a row, so they
 * override its reason), collects each file's rejects, and leaves {@link NEW_NUMBERS} (parties new
 * to the dataset, next dense ids in number order) and {@link PARTY_IDS} for the load to join on the
 * values as read. A number seen only in rejected or out-of-scope rows is not added. When the
 * authorisation lists numbers, a row with neither party among them (in normal form) is out of
 * scope; the party rules come first, so a row with a bad party is a reject.
 */
export async function resolveParties(
  connection: DuckDBConnection,
  reporter: ImportProgressReporter,
  profile: ProviderProfile,
  staged: StagedFile[],
  authorisedNumbers: readonly string[] = [],
): Promise<{ nextNumberId: number }> {
  await reporter.run(
    `CREATE TEMP TABLE ${PARTY_NORM} AS ${partyNormalSql(profile, `(SELECT DISTINCT r FROM (${rawPartiesSql(staged)}))`)}`,
  );
  await connection.run(
    `CREATE TEMP TABLE party_bad AS SELECT r FROM ${PARTY_NORM} WHERE n IS NULL AND r IS NOT NULL`,
  );
  const unnormalised = await queryRows(
    connection,
    `SELECT count(*) FILTER (WHERE n IS NULL) AS bad FROM ${PARTY_NORM}`,
  );
  if (num(unnormalised[0]!.bad) > 0) {
    const aBad = 'ra IN (SELECT r FROM party_bad)';
    const bBad = 'rb IN (SELECT r FROM party_bad)';
    for (const f of staged) {
      await connection.run(`UPDATE ${f.stageTable} SET reason = ${partyReasonSql(aBad, bBad)}
        WHERE ra IS NULL OR rb IS NULL OR ${aBad} OR ${bBad}`);
    }
  }
  await connection.run('CREATE TEMP TABLE party_authorised (r VARCHAR)');
  if (authorisedNumbers.length > 0) {
    // The authorisation's numbers as written (e.g. national format) read by the same rules.
    const authorised = partyNormalSql(profile, '(SELECT unnest($1::VARCHAR[]) AS r)');
    await connection.run(
      `INSERT INTO party_authorised SELECT r FROM ${PARTY_NORM}
       WHERE n IN (SELECT n FROM (${authorised}) WHERE n IS NOT NULL)`,
      [listValue([...authorisedNumbers])],
    );
    for (const f of staged)
      await connection.run(`UPDATE ${f.stageTable} SET reason = '${OUT_OF_NUMBERS}'
        WHERE reason IS NULL AND ra NOT IN (SELECT r FROM party_authorised)
          AND rb NOT IN (SELECT r FROM party_authorised)`);
  }
  let rejectedRows = 0;
  for (const f of staged) rejectedRows += await collectRejects(connection, reporter, profile, f);
  // Numbers of rejected rows that no good row uses (only looked for when staged rows were rejected).
  await connection.run('CREATE TEMP TABLE party_orphans (n VARCHAR)');
  if (rejectedRows > 0) {
    await connection.run(`INSERT INTO party_orphans
      WITH candidates AS (SELECT DISTINCT p.n FROM (${rawPartiesSql(staged, 'reason IS NOT NULL')}) x
          JOIN ${PARTY_NORM} p ON p.r = x.r WHERE p.n IS NOT NULL),
        candidate_raws AS (SELECT r, n FROM ${PARTY_NORM} SEMI JOIN candidates USING (n)),
        used AS (SELECT DISTINCT c.n FROM (SELECT DISTINCT r FROM (${rawPartiesSql(staged, 'reason IS NULL')})
          WHERE r IN (SELECT r FROM candidate_raws)) x JOIN candidate_raws c ON c.r = x.r)
      SELECT n FROM candidates ANTI JOIN used USING (n)`);
  }
  const nextNumber = await readMeta(connection, 'next_number_id');
  await reporter.run(`CREATE TEMP TABLE ${NEW_NUMBERS} AS
    SELECT (${nextNumber} + row_number() OVER (ORDER BY n) - 1)::INTEGER AS id, n AS number
    FROM (SELECT DISTINCT n FROM ${PARTY_NORM} WHERE n IS NOT NULL) fresh
    ANTI JOIN numbers x ON x.number = fresh.n ANTI JOIN party_orphans o ON o.n = fresh.n`);
  await reporter.run(`CREATE TEMP TABLE ${PARTY_IDS} AS SELECT p.r, x.id FROM ${PARTY_NORM} p
    JOIN (SELECT id, number FROM numbers UNION ALL SELECT id, number FROM ${NEW_NUMBERS}) x ON x.number = p.n`);
  const added = await queryRows(connection, `SELECT count(*) AS n FROM ${NEW_NUMBERS}`);
  for (const t of TEMP_TABLES) await connection.run(`DROP TABLE ${t}`);
  return { nextNumberId: nextNumber + num(added[0]!.n) };
}
