import { handlingRules } from '#shared/contracts/sources-handling';
import type { AppError } from '../../../platform/errors';
import { refuse } from '../sources.rules';

// The dissemination check (reg. 3(m)): a product's text must not carry what identifies its source.
// What is found is named by its kind ("a name from the identity vault"), never by its value: the
// refusal, the audit and the logs leave the compartment.

/** What identifies the source, each value with the kind the refusal names. */
export interface IdentifyingDetail {
  pseudonym: string;
  urn: string;
  names: readonly string[];
  addresses: readonly string[];
  identityNumbers: readonly string[];
  identitiesUsed: readonly string[];
  meetingPlaces: readonly string[];
}

/** Lower case, accents stripped, everything but letters and digits removed: "J. Smith" → "jsmith". */
export function squash(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The shortest value checked squashed (anywhere, any spacing): shorter ones would match inside words. */
const MIN_SQUASHED = 5;
/** Single words of a name or place this long or longer are checked as whole words. */
const MIN_WORD = 3;

/** Whether `needle` occurs in `text` in any case and spacing. */
export function occursIn(text: { squashed: string; words: Set<string> }, needle: string): boolean {
  const s = squash(needle);
  if (s.length === 0) return false;
  if (s.length >= MIN_SQUASHED && text.squashed.includes(s)) return true;
  const parts = words(needle);
  return parts.length === 1 && s.length >= MIN_WORD && text.words.has(s);
}

/** Address lines and the whole address; name parts of three letters or more and the whole name. */
function expand(values: readonly string[], split: 'lines' | 'words'): string[] {
  return values.flatMap((v) => [
    v,
    ...(split === 'lines' ? v.split(/[\n,]+/) : v.split(/\s+/))
      .map((p) => p.trim())
      .filter((p) => squash(p).length >= MIN_WORD),
  ]);
}

/** The kinds of identifying detail `text` carries, in a fixed order (empty: clean). */
export function findIdentifyingDetail(text: string, detail: IdentifyingDetail): string[] {
  const t = { squashed: squash(text), words: new Set(words(text)) };
  const any = (values: readonly string[]) => values.some((v) => occursIn(t, v));
  const found: string[] = [];
  if (any([detail.pseudonym])) found.push('the pseudonym');
  if (any([detail.urn])) found.push('the URN');
  if (any(expand(detail.names, 'words'))) found.push('a name from the identity vault');
  if (any(expand(detail.addresses, 'lines'))) found.push('an address from the identity vault');
  if (any(detail.identityNumbers)) found.push('an identity number from the identity vault');
  if (any(detail.identitiesUsed)) found.push('an identity the source uses');
  if (any(expand(detail.meetingPlaces, 'lines'))) found.push('a meeting place');
  return found;
}

/** Refuses a product text that carries identifying detail, naming the kinds found (never the values). */
export function sanitisationRefusal(
  text: string,
  detail: IdentifyingDetail,
  field = 'body.text',
): AppError | null {
  const found = findIdentifyingDetail(text, detail);
  if (found.length === 0) return null;
  return refuse(
    handlingRules.sanitisation,
    `The product's text identifies the source: it contains ${found.join(', ')}. Remove it before release.`,
    { found, fields: [{ path: field, message: `contains ${found.join(', ')}` }] },
  );
}
