import type { ErrorCode, ErrorDetails } from '#shared/contracts/errors';

export { type ErrorCode, type ErrorDetails, errorCodes } from '#shared/contracts/errors';

/**
 * The one error type domain code throws. Codes are mapped to HTTP statuses in exactly one place
 * (`http-status.ts`); domain code never decides a status itself.
 */
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
