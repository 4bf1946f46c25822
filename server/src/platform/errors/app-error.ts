/**
 * The one error type domain code throws. Codes are mapped to HTTP statuses in exactly one place
 * (`http-status.ts`); domain code never decides a status itself.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'MFA_REQUIRED',
  'MFA_ENROLMENT_REQUIRED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  /** Field-level problems: which field, what is wrong. */
  fields?: { path: string; message: string }[];
  /** The rule that refused the action (e.g. "RIPA s.43(3)"). */
  rule?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** Not visible to this actor: indistinguishable from a record that does not exist. */
  static notFound(what = 'Record'): AppError {
    return new AppError('NOT_FOUND', `${what} not found.`);
  }
}
