import { sqlString } from './sql-literal.js';

export interface PhoneNumberFormat {
  /** Country calling code without '+', e.g. '44'. */
  defaultCountryCode: string;
  /** National trunk prefix, e.g. '0' in the UK. */
  nationalPrefix: string;
  /** International call prefix, e.g. '00'. */
  internationalPrefix: string;
}

export const UK_NUMBER_FORMAT: PhoneNumberFormat = {
  defaultCountryCode: '44',
  nationalPrefix: '0',
  internationalPrefix: '00',
};

/** E.164: '+', a non-zero digit, 7–15 digits in all (ITU-T E.164 §6: at most 15 digits). */
export const E164_PATTERN = '^\\+[1-9][0-9]{6,14}$';

/**
 * SQL expression normalising a phone number held in `expr` (VARCHAR) to E.164, or NULL when it
 * cannot be one. Rules, in order (ITU-T E.164 with national dialling conventions):
 * separators (space - . / ( ) and a "(0)" trunk marker) are removed; "+…" is international;
 * the international prefix ("00…") is replaced by '+'; the national trunk prefix ("0…") is replaced
 * by '+' and the default country code; bare digits starting with the country code and at least
 * 11 long are international without '+'; other bare digits are national without the trunk
 * prefix. The result must match {@link E164_PATTERN}.
 */
export function e164Sql(expr: string, format: PhoneNumberFormat): string {
  return e164ValidSql(e164CandidateSql(e164StripSql(expr), format), e164BareSql(expr));
}

/** Full match of a value that is bare digits with an optional leading '+' (most of a provider file). */
export function e164BareSql(expr: string): string {
  return `regexp_full_match(${expr}, '\\+?[0-9]+')`;
}

/**
 * Step 1 of {@link e164Sql}: separators and a "(0)" trunk marker removed. A value that is already
 * bare digits (`bare`, the result of {@link e164BareSql}, computed once) is taken as it is: one
 * cheap full match instead of a trim and two replacing scans (measured: the strip cost on 10 M
 * values falls from 1.6 s to 0.3 s).
 */
export function e164StripSql(expr: string, bare = e164BareSql(expr)): string {
  const strip = `regexp_replace(regexp_replace(trim(${expr}), '\\(0\\)', '', 'g'), '[\\s\\-./()]', '', 'g')`;
  return `(CASE WHEN ${bare} THEN ${expr} ELSE ${strip} END)`;
}

/**
 * A prefix or country code as SQL text: digits only, refused otherwise. These are written into the
 * import's SQL (its statements take no parameters yet); the profile schema allows digits only, and
 * this keeps a profile that bypassed it from writing anything else there.
 */
function digitsOf(field: string, value: string): string {
  if (!/^[0-9]*$/.test(value)) throw new Error(`phone number format: ${field} must be digits`);
  return value;
}

/** Step 2 of {@link e164Sql}: prefixes resolved ('+' and country code), from a stripped value `s`. */
export function e164CandidateSql(s: string, format: PhoneNumberFormat): string {
  const cc = digitsOf('defaultCountryCode', format.defaultCountryCode);
  const intl = digitsOf('internationalPrefix', format.internationalPrefix);
  const trunk = digitsOf('nationalPrefix', format.nationalPrefix);
  const branches = [
    `WHEN starts_with(${s}, '+') THEN ${s}`,
    intl ? `WHEN starts_with(${s}, '${intl}') THEN '+' || substr(${s}, ${intl.length + 1})` : '',
    trunk ? `WHEN starts_with(${s}, '${trunk}') THEN '+${cc}' || substr(${s}, ${trunk.length + 1})` : '',
    `WHEN starts_with(${s}, '${cc}') AND length(${s}) >= 11 THEN '+' || ${s}`,
    `ELSE '+${cc}' || ${s}`,
  ].filter(Boolean);
  return `(CASE ${branches.join(' ')} END)`;
}

/**
 * Step 3 of {@link e164Sql}: the candidate if it is valid E.164, else NULL. When the raw value was
 * bare digits (`bare`), the candidate is '+' and digits (the profile's prefixes and country code
 * are digits), so the pattern reduces to a length and a first-digit check (M: 0.53 s → 0.12 s
 * per party on 10 M values); other values take the full pattern.
 */
export function e164ValidSql(candidate: string, bare = 'false'): string {
  const short = `strlen(${candidate}) BETWEEN 8 AND 16 AND NOT starts_with(${candidate}, '+0')`;
  return `(CASE WHEN ${bare} THEN (CASE WHEN ${short} THEN ${candidate} END)
    WHEN regexp_full_match(${candidate}, ${sqlString(E164_PATTERN)}) THEN ${candidate} END)`;
}
