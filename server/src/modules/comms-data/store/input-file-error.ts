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

/**
 * The error of reading a user's file, as an {@link InputFileError} when it is about the file's
 * content (DuckDB's "Invalid Input Error", its "IO Error" on that path, a broken gzip stream), so
 * it is reported as the caller's mistake naming the file; any other error (cancellation, a full
 * disk, a bug) is returned unchanged. `shownAs` names the file when `path` is a working copy of it.
 */
export function asInputFileError(error: unknown, path: string, shownAs = path): unknown {
  if (!(error instanceof Error) || error instanceof InputFileError) return error;
  const zlib = (error as NodeJS.ErrnoException).code?.startsWith('Z_') === true;
  const duckdb =
    error.message.startsWith('Invalid Input Error') ||
    (error.message.startsWith('IO Error') && error.message.includes(path));
  if (!zlib && !duckdb) return error;
  const reason = error.message.split('\n')[0]!.replaceAll(path, 'the file');
  return new InputFileError('files', `${shownAs} cannot be read: ${reason}`);
}
