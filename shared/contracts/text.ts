import { z } from 'zod';

/**
 * The one rule for strings from outside (rule 14): no control characters and no unpaired UTF-16
 * surrogates. PostgreSQL refuses NUL in text and jsonb ("invalid byte sequence 0x00"), DuckDB and
 * terminals act on control characters, and a lone surrogate is not Unicode (it cannot be encoded as
 * UTF-8). Refused: C0 controls (U+0000–U+001F) other than the whitespace a kind of text allows,
 * DEL (U+007F), C1 controls (U+0080–U+009F, e.g. NEL U+0085) and unpaired surrogates. Every other
 * character, printable or not (format characters, private use, emoji), is allowed. Request schemas
 * use these builders for every free string; response schemas stay on `z.string()` (what the server
 * sends is not the client's to refuse).
 */
export const CONTROL_CHARACTER_RULE = 'must not contain control characters';
export const LONE_SURROGATE_RULE = 'must not contain an unpaired UTF-16 surrogate';

/** The whitespace controls a kind of text may contain; every other control is refused. */
export type AllowedControls = '' | '\t' | '\n' | '\t\n' | '\t\n\r';

export interface ForbiddenCharacter {
  /** 0-based index in the string (UTF-16 code units). */
  index: number;
  codePoint: number;
  kind: 'control' | 'surrogate';
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** The first character the rule refuses, or undefined when the string passes. */
export function findForbiddenCharacter(
  value: string,
  allow: AllowedControls = '',
): ForbiddenCharacter | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code)) {
      if (!allow.includes(value[i]!)) return { index: i, codePoint: code, kind: 'control' };
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return { index: i, codePoint: code, kind: 'surrogate' };
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return { index: i, codePoint: code, kind: 'surrogate' };
    }
  }
  return undefined;
}

const allowedNames: Record<AllowedControls, string> = {
  '': '',
  '\t': ' other than tab',
  '\n': ' other than newline',
  '\t\n': ' other than tab and newline',
  '\t\n\r': ' other than tab, newline and carriage return',
};

/**
 * The message naming the rule and where it was broken, e.g.
 * "must not contain control characters (found U+0000 at position 3)"; positions count from 1.
 */
export function forbiddenCharacterMessage(found: ForbiddenCharacter, allow: AllowedControls = ''): string {
  const where = `found U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')} at position ${found.index + 1}`;
  return found.kind === 'control'
    ? `${CONTROL_CHARACTER_RULE}${allowedNames[allow]} (${where})`
    : `${LONE_SURROGATE_RULE} (${where})`;
}

/** The rule as a zod check, for composing: `z.string().check(refuseControlCharacters('\t'))`. */
export function refuseControlCharacters(allow: AllowedControls = '') {
  return z.superRefine<string>((value, ctx) => {
    const found = findForbiddenCharacter(value, allow);
    if (found)
      ctx.addIssue({ code: 'custom', message: forbiddenCharacterMessage(found, allow), input: value });
  });
}

/**
 * One line of text: a name, a reference, a number, a username, a password, a query parameter.
 * No control character at all (tab and newline included). Chain the field's own limits after it:
 * `singleLineText().trim().min(1).max(120)` (the rule sees what the client sent, before trimming).
 */
export function singleLineText() {
  return z.string().check(refuseControlCharacters());
}

/** Text that may run over lines (a reason, a description): tab and newline are allowed. */
export function multiLineText() {
  return z.string().check(refuseControlCharacters('\t\n'));
}

/** Text with exactly these whitespace controls allowed (e.g. a CSV sample: tab, newline and CR). */
export function textAllowing(allow: AllowedControls) {
  return z.string().check(refuseControlCharacters(allow));
}

/** Where a free JSON value breaks the rule: the path of the string and the message. */
export function findForbiddenInJson(
  value: unknown,
  allow: AllowedControls = '',
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string } | undefined {
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value, allow);
    return found ? { path, message: forbiddenCharacterMessage(found, allow) } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = findForbiddenInJson(item, allow, [...path, i]);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A bad key is reported on its object: the key itself is what cannot be shown.
      const badKey = findForbiddenCharacter(key, '');
      if (badKey) return { path, message: `has a key that ${forbiddenCharacterMessage(badKey)}` };
      const bad = findForbiddenInJson(item, allow, [...path, key]);
      if (bad) return bad;
    }
  }
  return undefined;
}

/**
 * A JSON object whose shape is checked later (a provider profile definition): every string in it,
 * at any depth, and every key follow the rule, with `allow` for its values (a profile's delimiter
 * may be a tab). The issue names the string's path, e.g. `body.csv.quote`.
 */
export function jsonObjectText(allow: AllowedControls = '') {
  return z.record(z.string(), z.unknown()).check(
    z.superRefine((value, ctx) => {
      const bad = findForbiddenInJson(value, allow);
      if (bad) ctx.addIssue({ code: 'custom', message: bad.message, path: bad.path, input: value });
    }),
  );
}
