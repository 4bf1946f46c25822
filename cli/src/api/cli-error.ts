import type { ErrorCode, ErrorDetails } from '#shared/contracts/errors';

/**
 * What a command can fail with, beside the server's own error codes: no credentials, no server
 * answering, an answer not in the contract, an import that ended without loading. Each maps to an
 * exit code (exit-codes.ts).
 */
export type CliErrorCode = ErrorCode | 'NOT_SIGNED_IN' | 'UNREACHABLE' | 'INVALID_RESPONSE' | 'IMPORT_FAILED';

/**
 * An error a command reports as `lantern: CODE: message` (and the named rule, the fields at fault):
 * the server's error contract (shared/contracts/errors.ts) as the CLI met it, or a refusal of its own
 * made the same way (a flag the server would refuse, a dataset name that matches nothing).
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
