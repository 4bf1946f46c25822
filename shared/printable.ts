/**
 * Text from outside (a line of an acquired file, an error quoting it) made safe to store and to
 * show: C0 and C1 control characters other than tab and newline, and DEL, become visible escapes
 * (`\x00`, `\x1b`, `\x85`); a lone UTF-16 surrogate becomes U+FFFD. PostgreSQL refuses NUL in text
 * and jsonb, and a terminal would act on an escape sequence.
 */
export function printable(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (out.length >= maxLength) return `${out.slice(0, maxLength)}… (${text.length - i} more characters)`;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f))
      out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += text[i]!;
  }
  return out;
}
