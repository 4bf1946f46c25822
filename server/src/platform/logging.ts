import type { LoggerOptions } from 'pino';

/**
 * pino JSON logs. Redaction is a second line of defence: code must never log secrets or true
 * identities in the first place.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
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
