/**
 * A file handed to the store cannot be used as it is (e.g. a required column is missing): the
 * caller's mistake, reported as a validation error naming `field`, not a server fault.
 */
export class InputFileError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}
