import { AppError } from '../../../platform/errors';
import { InputFileError } from '../store/index.js';

/** A file the store cannot use as it is (the caller's mistake) is a 400 naming the field. */
export function inputFileAsValidation(error: unknown): unknown {
  if (!(error instanceof InputFileError)) return error;
  return new AppError('VALIDATION_FAILED', error.message, {
    fields: [{ path: error.field, message: error.message }],
  });
}
