import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export const csrfCookie = 'lantern_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Gives the browser a CSRF token cookie (readable by the page's script) when it has none. */
export function issueCsrfCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (request.cookies[csrfCookie]) return;
  reply.setCookie(csrfCookie, randomBytes(32).toString('base64url'), {
    path: '/',
    sameSite: 'strict',
    secure: request.protocol === 'https',
    httpOnly: false,
  });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Double-submit check for state-changing requests. With a session cookie the request must echo
 * the CSRF cookie in the `x-csrf-token` header. Without one (signing in), a browser's cross-site
 * request is refused by its Origin / Sec-Fetch-Site headers, which stops login CSRF while letting
 * non-browser clients sign in.
 */
export function assertCsrf(request: FastifyRequest, hasSession: boolean): void {
  if (safeMethods.has(request.method)) return;
  if (hasSession) {
    const cookie = request.cookies[csrfCookie];
    const header = request.headers[csrfHeader];
    if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) {
      throw new AppError(
        'CSRF_FAILED',
        `Missing or wrong ${csrfHeader} header for a state-changing request.`,
      );
    }
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError('CSRF_FAILED', 'Cross-site requests are refused.');
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    const host = request.headers.host;
    if (!host || originHost(origin) !== host) {
      throw new AppError('CSRF_FAILED', 'Cross-origin requests are refused.');
    }
  }
}
