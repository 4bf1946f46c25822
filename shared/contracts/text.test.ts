import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findForbiddenCharacter, jsonObjectText, multiLineText, singleLineText, textAllowing } from './text';

const issues = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

/** Every code unit the rule refuses in any kind of text. */
const forbidden = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);
/** Text the rule lets through: printable characters of every plane, emoji (surrogate pairs) included. */
const clean = fc
  .string({ unit: 'grapheme', maxLength: 30 })
  .filter((s) => findForbiddenCharacter(s) === undefined);

describe('the shared text rule', () => {
  it('lets any printable text through, emoji and right-to-left marks included', () => {
    fc.assert(
      fc.property(clean, (s) => {
        expect(singleLineText().parse(s)).toBe(s);
      }),
    );
    const mixed = 'Zoë \u202e 😀 𝄞 \ufeff \u00a0';
    expect(singleLineText().parse(mixed)).toBe(mixed);
  });

  it('refuses a control character or lone surrogate anywhere, naming it and its position', () => {
    fc.assert(
      fc.property(clean, forbidden, clean, (before, code, after) => {
        // A high surrogate followed by a low one would be a pair, not a lone surrogate.
        fc.pre(!(code >= 0xd800 && code <= 0xdbff && /^[\udc00-\udfff]/.test(after)));
        fc.pre(!(code >= 0xdc00 && code <= 0xdfff && /[\ud800-\udbff]$/.test(before)));
        const value = before + String.fromCharCode(code) + after;
        const hex = code.toString(16).toUpperCase().padStart(4, '0');
        const [issue] = issues(singleLineText(), value);
        expect(issue?.message).toMatch(
          new RegExp(`^must not contain .* \\(found U\\+${hex} at position ${before.length + 1}\\)$`),
        );
      }),
    );
  });

  it('gives the message the field error shows', () => {
    expect(issues(z.object({ name: singleLineText().trim().max(5) }), { name: 'ab\u0000' })).toEqual([
      { path: ['name'], message: 'must not contain control characters (found U+0000 at position 3)' },
    ]);
    expect(issues(singleLineText(), 'a\ud800')).toEqual([
      { path: [], message: 'must not contain an unpaired UTF-16 surrogate (found U+D800 at position 2)' },
    ]);
    expect(issues(singleLineText(), '\u0085')[0]?.message).toContain('U+0085 at position 1');
  });

  it('allows tab and newline only where the kind of text does', () => {
    expect(issues(singleLineText(), 'a\tb')[0]?.message).toBe(
      'must not contain control characters (found U+0009 at position 2)',
    );
    expect(multiLineText().parse('line one\n\tline two')).toBe('line one\n\tline two');
    expect(issues(multiLineText(), 'a\r\nb')[0]?.message).toBe(
      'must not contain control characters other than tab and newline (found U+000D at position 2)',
    );
    expect(textAllowing('\t\n\r').parse('a\tb\r\n')).toBe('a\tb\r\n');
    expect(issues(textAllowing('\t\n\r'), 'a\u0000')).toHaveLength(1);
  });

  it('checks the text as sent, before the field trims it', () => {
    expect(issues(singleLineText().trim(), ' name\n')).toHaveLength(1);
    expect(singleLineText().trim().parse('  name  ')).toBe('name');
  });

  it('checks every string and key of a free JSON object, naming its path', () => {
    const profile = z.object({ body: jsonObjectText('\t') });
    expect(profile.parse({ body: { csv: { delimiter: '\t' }, codes: ['a'] } })).toBeTruthy();
    expect(issues(profile, { body: { csv: { delimiter: '\t', quote: '\u001b' } } })).toEqual([
      {
        path: ['body', 'csv', 'quote'],
        message: 'must not contain control characters other than tab (found U+001B at position 1)',
      },
    ]);
    expect(issues(profile, { body: { list: ['ok', 'x\u007f'] } })[0]?.path).toEqual(['body', 'list', 1]);
    expect(issues(profile, { body: { codes: { 'V\u0000': 'voice' } } })).toEqual([
      {
        path: ['body', 'codes'],
        message: 'has a key that must not contain control characters (found U+0000 at position 2)',
      },
    ]);
  });
});
