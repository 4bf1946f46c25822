import { E164_PATTERN, type PhoneNumberFormat } from './store/e164.sql.js';
import type { ProviderProfile } from './store/provider-profile.schema.js';

/** How a provider profile writes parties: its `party` settings (phone numbers or identifiers). */
export type PartyRule = ProviderProfile['party'];

const BARE = /^\+?[0-9]+$/;
const E164 = new RegExp(E164_PATTERN);
// DuckDB's trim() removes the Unicode space separators (category Zs) and nothing else: not tabs or
// line breaks (checked code point by code point in party-normaliser.test.ts).
const EDGE_SPACES = /^\p{Zs}+|\p{Zs}+$/gu;
// RE2's \s, as in the SQL: [\t\n\f\r ] (no vertical tab, no Unicode spaces).
const SEPARATORS = /[\t\n\f\r \-./()]/g;

/** DuckDB's trim(). */
function duckTrim(value: string): string {
  return value.replace(EDGE_SPACES, '');
}

/**
 * DuckDB's lower(): each code point on its own (no final sigma), with U+0130 to plain 'i' (its
 * simple mapping; JavaScript's full mapping adds a combining dot).
 */
function duckLower(value: string): string {
  let out = '';
  for (const ch of value) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

/**
 * A phone number in E.164, or null when it cannot be one: the rules of e164Sql (store/e164.sql.ts)
 * in JavaScript, step for step, so a number typed by an analyst becomes what the import stored.
 */
export function normalisePhoneNumber(raw: string, format: PhoneNumberFormat): string | null {
  const bare = BARE.test(raw);
  const s = bare ? raw : duckTrim(raw).replaceAll('(0)', '').replace(SEPARATORS, '');
  const cc = format.defaultCountryCode;
  const intl = format.internationalPrefix;
  const trunk = format.nationalPrefix;
  let candidate: string;
  if (s.startsWith('+')) candidate = s;
  else if (intl && s.startsWith(intl)) candidate = `+${s.slice(intl.length)}`;
  else if (trunk && s.startsWith(trunk)) candidate = `+${cc}${s.slice(trunk.length)}`;
  else if (s.startsWith(cc) && [...s].length >= 11) candidate = `+${s}`;
  else candidate = `+${cc}${s}`;
  return E164.test(candidate) ? candidate : null;
}

/** A party as the import under `rule` stores it, or null when such a value would be rejected. */
export function normaliseParty(raw: string, rule: PartyRule): string | null {
  if (rule.kind === 'phone') return normalisePhoneNumber(raw, rule);
  const trimmed = duckTrim(raw);
  if (trimmed === '') return null;
  return rule.lowercase ? duckLower(trimmed) : trimmed;
}

/** The distinct rules among `rules` (profiles often share their party settings). */
export function distinctRules(rules: readonly PartyRule[]): PartyRule[] {
  const seen = new Map<string, PartyRule>();
  for (const r of rules) {
    const key =
      r.kind === 'phone'
        ? `phone|${r.defaultCountryCode}|${r.nationalPrefix}|${r.internationalPrefix}`
        : `identifier|${r.lowercase}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

/** The distinct forms `raw` takes under each of the rules, in the rules' order (none normalise: empty). */
export function partyCandidates(raw: string, rules: readonly PartyRule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const n = normaliseParty(raw, rule);
    if (n !== null && !out.includes(n)) out.push(n);
  }
  return out;
}
