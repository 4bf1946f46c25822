/** The CSRF cookie the server sets on its responses; readable by scripts on purpose (double submit). */
export const CSRF_COOKIE = 'lantern_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Reads one cookie from a `document.cookie`-style string. Pure. */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Safe methods carry no CSRF token; every other method must (the server refuses them without it). */
export function needsCsrfToken(method: string): boolean {
  const upper = method.toUpperCase();
  return upper !== 'GET' && upper !== 'HEAD' && upper !== 'OPTIONS';
}
