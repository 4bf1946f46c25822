/**
 * An argument of a store query cannot be used (a time zone DuckDB does not know, a limit that is
 * not a number): the caller's mistake, reported naming `field`, never a DuckDB error about SQL text.
 */
export class QueryInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'QueryInputError';
  }
}
