import { EVENT_TYPE_CODES } from '../event-type.js';
import { e164BareSql, e164CandidateSql, e164StripSql, e164ValidSql } from '../e164.sql.js';
import { InputFileError } from '../input-file-error.js';
import type { ProviderProfile } from '../provider-profile.schema.js';
import { sqlIdent, sqlString, sqlTimestamp } from '../sql-literal.js';

type Field = 'type' | 'a' | 'b' | 'start' | 'date' | 'time' | 'duration' | 'cellId' | 'imei' | 'imsi';
const FIELDS: readonly Field[] = [
  'type',
  'a',
  'b',
  'start',
  'date',
  'time',
  'duration',
  'cellId',
  'imei',
  'imsi',
];

/** Stored timestamps must fit the pairs table's UINTEGER epoch seconds. */
const MIN_TS = "TIMESTAMP '1970-01-01 00:00:00'";
const MAX_TS = "TIMESTAMP '2106-02-07 00:00:00'";

/** The longest line DuckDB's reader takes; a longer one is rejected (its text kept in the rejects file). */
export const MAX_LINE_BYTES = 2 * 1024 * 1024;

/** Reasons of rows that are well formed but outside the dataset's authorisation (not rejects). */
export const OUT_OF_PERIOD = 'outside the authorised period';
export const OUT_OF_NUMBERS = 'outside the authorised numbers';
export const OUT_OF_SCOPE_REASONS: ReadonlySet<string> = new Set([OUT_OF_PERIOD, OUT_OF_NUMBERS]);

export interface SourceSpec {
  path: string;
  /** Header names of a CSV with a header (resolved before building the SQL). */
  headerNames?: string[];
  rejectsTable: string;
  rejectsScanTable: string;
  /**
   * false: one sequential scan. DuckDB's parallel CSV scan can drop records without a word when
   * a stretch of its buffer holds no well-formed line (e.g. many long rejected lines); the import
   * then reads the file again this way (see stage-file.ts).
   */
  parallel?: boolean;
  /** The authorised period: a record outside it gets {@link OUT_OF_PERIOD}. */
  period?: { from: Date; to: Date };
}

/** Reader column names for a CSV: header names as given, or c1…cN for a headerless file. */
function csvColumnNames(profile: ProviderProfile, spec: SourceSpec): string[] {
  if (profile.csv.header) {
    if (!spec.headerNames) throw new Error('header names needed');
    return spec.headerNames;
  }
  return Array.from({ length: profile.csv.columnCount ?? 0 }, (_, i) => `c${i + 1}`);
}

function readerSql(profile: ProviderProfile, spec: SourceSpec, names: string[]): string {
  if (profile.format === 'parquet') return `read_parquet(${sqlString(spec.path)}, file_row_number = true)`;
  const columns = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ');
  const quote = profile.csv.quote;
  return `read_csv(${sqlString(spec.path)}, columns = {${columns}}, header = ${profile.csv.header},
    delim = ${sqlString(profile.csv.delimiter)}, quote = ${sqlString(quote)}, escape = ${sqlString(quote)},
    encoding = ${sqlString(profile.csv.encoding)},
    auto_detect = false, null_padding = false, strict_mode = true, all_varchar = true,
    max_line_size = ${MAX_LINE_BYTES}, parallel = ${spec.parallel !== false},
    store_rejects = true, rejects_table = ${sqlString(spec.rejectsTable)},
    rejects_scan = ${sqlString(spec.rejectsScanTable)})`;
}

/** When a header splits into one column, the delimiter it seems to use. */
function delimiterHint(profile: ProviderProfile, names: string[]): string {
  if (profile.format !== 'csv' || names.length !== 1) return '';
  const seen = [';', ',', '\t', '|'].find((d) => d !== profile.csv.delimiter && names[0]!.includes(d));
  return seen === undefined ? '' : ` (one column: is the delimiter ${JSON.stringify(seen)}?)`;
}

function rawColumn(profile: ProviderProfile, names: string[], field: Field): string {
  const ref = profile.columns[field];
  if (ref === undefined) return 'NULL::VARCHAR';
  if (typeof ref === 'number') {
    const name = names[ref - 1];
    if (name === undefined)
      throw new InputFileError(
        `columns.${field}`,
        `profile ${profile.id}: column ${ref} of ${field} is beyond the file's ${names.length} columns`,
      );
    return `CAST(${sqlIdent(name)} AS VARCHAR)`;
  }
  if (names.includes(ref)) return `CAST(${sqlIdent(ref)} AS VARCHAR)`;
  // A header spelt in another case ('A_NUMBER' for 'a_number') is taken when only one column matches.
  const folded = names.filter((n) => n.toLowerCase() === ref.toLowerCase());
  if (folded.length === 1) return `CAST(${sqlIdent(folded[0]!)} AS VARCHAR)`;
  throw new InputFileError(
    `columns.${field}`,
    `profile ${profile.id}: the file has no column '${ref}' (${field}); found ${names.join(', ')}${delimiterHint(profile, names)}`,
  );
}

/**
 * SELECT of `source`'s distinct raw party values (column `r`) with their normal form `n` (E.164 for
 * phone numbers, the trimmed, optionally lower-cased text otherwise), NULL when the value cannot be
 * a party. Run once per distinct value rather than once per record (M: 20 M values, ~1 M
 * distinct). Phone numbers go through projection layers so each regular expression runs once per
 * value: bare-digit flag (f) → stripped (s) → candidate (c) → valid (n).
 */
export function partyNormalSql(profile: ProviderProfile, source: string): string {
  const party = profile.party;
  if (party.kind !== 'phone') {
    const trimmed = `NULLIF(trim(r), '')`;
    return `SELECT r, ${party.lowercase ? `lower(${trimmed})` : trimmed} AS n FROM ${source}`;
  }
  const flagged = `SELECT r, ${e164BareSql('r')} AS f FROM ${source}`;
  const stripped = `SELECT r, f, ${e164StripSql('r', 'f')} AS s FROM (${flagged})`;
  const candidates = `SELECT r, f, ${e164CandidateSql('s', party)} AS c FROM (${stripped})`;
  return `SELECT r, ${e164ValidSql('c', 'f')} AS n FROM (${candidates})`;
}

/**
 * The reason a staged row with a party that did not normalise (`ra`/`rb` raw, `aBad`/`bBad` whether
 * each failed) is rejected: the party rules come first among the rules of {@link stageSelectSql}.
 */
export function partyReasonSql(aBad: string, bBad: string): string {
  const blank = (x: string) => `${x} IS NULL OR trim(${x}) = ''`;
  return `(CASE WHEN ${blank('ra')} THEN 'empty A party' WHEN ${blank('rb')} THEN 'empty B party'
    WHEN ${aBad} THEN 'bad A number' WHEN ${bBad} THEN 'bad B number' END)`;
}

/** Spellings of a (trimmed, upper-case) type code that a file may hold as they are. */
function codeSpellings(code: string, asWritten: string): string[] {
  const cap = code.charAt(0) + code.slice(1).toLowerCase();
  return [...new Set([code, code.toLowerCase(), cap, asWritten])].filter(
    // Only plain ASCII spellings: JS and DuckDB agree on their upper case.
    (v) => v === v.trim() && /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(v) && v.toUpperCase() === code,
  );
}

/**
 * The type code's entry index (k_type), computed once per row in the stripping layer: the raw
 * value is first compared as it is with the usual spellings of each code (one comparison each),
 * and only a value matching none is trimmed and upper-cased (M: 0.61 s → 0.15 s on 10 M values).
 */
function typeKeySql(entries: { code: string; asWritten: string }[]): string {
  if (entries.length === 0) return 'NULL::INTEGER';
  const fast = entries
    .flatMap((e, i) => codeSpellings(e.code, e.asWritten).map((v) => `WHEN ${sqlString(v)} THEN ${i}`))
    .join(' ');
  const slow = entries.map((e, i) => `WHEN ${sqlString(e.code)} THEN ${i}`).join(' ');
  return `(CASE r_type ${fast} ELSE (CASE upper(trim(r_type)) ${slow} END) END)`;
}

function typeEntries(profile: ProviderProfile) {
  return Object.entries(profile.eventType.codes)
    .map(([asWritten, v]) => ({
      asWritten,
      code: asWritten.trim().toUpperCase(),
      type: typeof v === 'string' ? v : v.type,
      served: typeof v === 'string' ? 0 : v.served === 'b' ? 1 : 0,
    }))
    .filter((e) => e.code !== ''); // a blank type takes the default, never a code
}

function typeSql(profile: ProviderProfile): { key: string; type: string; served: string } {
  const fallback =
    profile.eventType.default === undefined ? 'NULL' : String(EVENT_TYPE_CODES[profile.eventType.default]);
  if (profile.columns.type === undefined) return { key: 'NULL::INTEGER', type: fallback, served: '0' };
  const entries = typeEntries(profile);
  const byIndex = (values: number[]) =>
    values.length === 0
      ? 'NULL'
      : `(CASE k_type ${values.map((v, i) => `WHEN ${i} THEN ${v}`).join(' ')} END)`;
  return {
    key: typeKeySql(entries),
    type: `CASE WHEN k_type IS NOT NULL THEN ${byIndex(entries.map((e) => EVENT_TYPE_CODES[e.type]))}
      WHEN r_type IS NULL OR trim(r_type) = '' THEN ${fallback} END`,
    served: `coalesce(${byIndex(entries.map((e) => e.served))}, 0)`,
  };
}

function timeSql(profile: ProviderProfile): string {
  const raw = profile.columns.start !== undefined ? 'r_start' : `(r_date || ' ' || r_time)`;
  const t = profile.time;
  let ts: string;
  if (t.kind === 'epoch') {
    const mult = t.unit === 's' ? 1_000_000 : 1_000;
    const baseUs = Date.parse(t.base) * 1000;
    const lo = Math.ceil((0 - baseUs) / mult);
    const hi = Math.floor((4_294_967_295_000_000 - baseUs) / mult);
    const v = `TRY_CAST(${raw} AS BIGINT)`; // DuckDB's casts accept surrounding whitespace
    ts = `CASE WHEN ${v} BETWEEN ${lo} AND ${hi} THEN make_timestamp(${baseUs} + ${v} * ${mult}) END`;
  } else {
    // The import connection's TimeZone is the profile's zone, so a TIMESTAMP → TIMESTAMPTZ cast
    // reads local time there (DST-aware, via ICU); explicit offsets in ISO text win.
    const local =
      t.kind === 'iso'
        ? `TRY_CAST(${raw} AS TIMESTAMPTZ)`
        : `CAST(try_strptime(trim(${raw}), [${(Array.isArray(t.format) ? t.format : [t.format]).map(sqlString).join(', ')}]) AS TIMESTAMPTZ)`;
    ts = `make_timestamp(epoch_us(${local}))`;
  }
  return ts;
}

function durationSql(profile: ProviderProfile): string {
  // TRY_CAST reads '' and blanks as NULL; a value too large for INTEGER is NULL too ('bad duration').
  const r = 'r_duration';
  switch (profile.duration) {
    case 's':
      return `TRY_CAST(round(TRY_CAST(${r} AS DOUBLE)) AS INTEGER)`;
    case 'ms':
      return `TRY_CAST(round(TRY_CAST(${r} AS DOUBLE) / 1000) AS INTEGER)`;
    case 'hms': {
      const t = `NULLIF(trim(${r}), '')`;
      return `CASE WHEN regexp_full_match(${t}, '[0-9]+:[0-5][0-9]:[0-5][0-9]') THEN TRY_CAST(epoch(TRY_CAST(${t} AS INTERVAL)) AS INTEGER) END`;
    }
  }
}

/** A record's fields as read, joined with ' | ' (the raw text of a rejected Parquet row). */
const RAW_TEXT = `concat_ws(' | ', ${FIELDS.map((f) => `r_${f}`).join(', ')})`;

/** The reader's rows as raw fields r_type, r_a, … (and file_row_number for Parquet). */
function rawRowsSql(profile: ProviderProfile, spec: SourceSpec, names: string[]): string {
  const raws = FIELDS.map((f) => `${rawColumn(profile, names, f)} AS r_${f}`).join(', ');
  const rowNumber = profile.format === 'parquet' ? ', file_row_number' : '';
  return `SELECT ${raws}${rowNumber} FROM ${readerSql(profile, spec, names)}`;
}

/**
 * SELECT producing one staged row per record read, normalised, with `reason` set when the row
 * must be rejected (first failing rule wins) and `rec` the record's ordinal among those the
 * reader returned (Parquet: the file row number). The parties stay as read (`ra`, `rb`): they are
 * normalised once per distinct value ({@link partyNormalSql}) and their rules, which come first,
 * applied after (import/party-map.ts).
 */
export function stageSelectSql(
  profile: ProviderProfile,
  spec: SourceSpec,
  parquetColumns: string[] = [],
): string {
  const names = profile.format === 'csv' ? csvColumnNames(profile, spec) : parquetColumns;
  const rec = profile.format === 'parquet' ? 'file_row_number' : 'NULL::BIGINT';
  const { key: typeKey, type, served } = typeSql(profile);
  const keyed = `SELECT *, ${typeKey} AS k_type FROM (${rawRowsSql(profile, spec, names)})`;
  const converted = `SELECT r.*, ${rec} AS rec_raw,
      ${timeSql(profile)} AS ts0, ${type} AS type, ${served} AS served, ${durationSql(profile)} AS duration_s,
      NULLIF(trim(r_cellId), '') AS cell_id, NULLIF(trim(r_imei), '') AS imei, NULLIF(trim(r_imsi), '') AS imsi
    FROM (${keyed}) r`;
  const reason = `CASE
      WHEN start_ts IS NULL THEN 'bad time'
      WHEN type IS NULL THEN 'unknown type code'
      WHEN duration_s IS NULL AND NULLIF(trim(r_duration), '') IS NOT NULL THEN 'bad duration'
      WHEN duration_s < 0 THEN 'bad duration'
      ${spec.period ? `WHEN start_ts < ${sqlTimestamp(spec.period.from)} OR start_ts > ${sqlTimestamp(spec.period.to)} THEN '${OUT_OF_PERIOD}'` : ''}
    END`;
  const bounded = `CASE WHEN ts0 >= ${MIN_TS} AND ts0 < ${MAX_TS} THEN ts0 END`;
  return `SELECT rec_raw AS rec, CAST(type AS TINYINT) AS type, CAST(served AS TINYINT) AS served, r_a AS ra,
      r_b AS rb, start_ts, duration_s, cell_id, imei, imsi, reason, CASE WHEN reason IS NOT NULL THEN ${RAW_TEXT} END AS raw
    FROM (SELECT *, ${reason} AS reason FROM (SELECT *, ${bounded} AS start_ts FROM (${converted})))`;
}

/** The raw text (`raw`) of the Parquet rows numbered `rowNumbers` (`rec`), read again from the file. */
export function parquetRawTextSql(
  profile: ProviderProfile,
  spec: SourceSpec,
  parquetColumns: string[],
  rowNumbers: number[],
): string {
  return `SELECT file_row_number AS rec, ${RAW_TEXT} AS raw FROM (${rawRowsSql(profile, spec, parquetColumns)})
    WHERE file_row_number IN (${rowNumbers.join(', ')})`;
}
