import { AppError } from '../../../platform/errors';
import { InputFileError, QueryInputError } from '../store/index.js';

/**
 * What the store refuses as the caller's mistake — a file it cannot use as it is, or a query
 * argument it cannot take — is a 400 naming the field; any other error passes unchanged.
 */
export function inputFileAsValidation(error: unknown): unknown {
  if (!(error instanceof InputFileError) && !(error instanceof QueryInputError)) return error;
  return new AppError('VALIDATION_FAILED', error.message, {
    fields: [{ path: error.field, message: error.message }],
  });
}
