/**
 * A SQL string literal ('…' with quotes doubled). Not for values (rule 14: queries bind them; a
 * NUL in a literal ends DuckDB's parse of the statement): left for the import's file-reading
 * statements until they take parameters.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier ("…" with quotes doubled). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A TIMESTAMP literal for a JS Date (UTC, microsecond precision is not needed); queries bind dates. */
export function sqlTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  return `TIMESTAMP '${date.toISOString().replace('T', ' ').replace('Z', '')}'`;
}

/** A comma-separated list of integer literals; refuses anything that is not an integer. */
export function sqlIntList(values: Iterable<number>): string {
  const out: string[] = [];
  for (const v of values) {
    if (!Number.isInteger(v)) throw new Error(`not an integer: ${v}`);
    out.push(String(v));
  }
  return out.join(',');
}
