/**
 * The avatar's letters: the first letters of the first and last words, counting only words with a
 * letter in them and only their letters ("Judge Inspector (IPCO)" → "JI", "Sam Carter" → "SC",
 * "Ørsted" → "Ø"). "?" when the name has no letters at all. Pure.
 */
export function initials(displayName: string): string {
  const words = displayName
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}]/gu, ''))
    .filter((word) => word !== '');
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return `${first.charAt(0)}${last.charAt(0)}`.toLocaleUpperCase();
}
