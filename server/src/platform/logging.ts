import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { safeError } from './safe-error';

export { type SafeError, safeError } from './safe-error';

/**
 * A request URL as it may be logged: the path and the names of the query parameters, never their
 * values (a number looked up on the watchlist travels in the query string).
 */
export function urlWithoutValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = new Set(new URLSearchParams(url.slice(at + 1)).keys());
  return `${url.slice(0, at)}?${[...names].join('&')}`;
}

/** Fastify's request summary, with the query string reduced to its parameter names. */
function requestSummary(request: FastifyRequest) {
  return {
    method: request.method,
    url: urlWithoutValues(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * pino JSON logs. Errors are logged through `safeError` (rule 17: names, types and codes, never
 * values), also when Fastify logs one itself. Redaction is a second line of defence: code must
 * never log secrets or true identities in the first place.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: { err: safeError, req: requestSummary },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.totp',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}
