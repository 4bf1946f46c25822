import { QueryInputError } from '../query-input-error.js';

/** A number option, refused when it is not a number at all (NaN, or not a JS number). */
function numberOption(field: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new QueryInputError(field, `${field} must be a number`);
  return value;
}

/** A page size: a whole number in [1, max]; fractions are truncated, larger values clamped. */
export function pageLimit(field: string, value: number, max: number): number {
  return Math.max(1, Math.min(Math.trunc(numberOption(field, value)), max));
}

/** Rows to skip: a whole number ≥ 0; fractions are truncated, infinity skips every row. */
export function pageOffset(field: string, value: number): number {
  return Math.max(0, Math.min(Math.trunc(numberOption(field, value)), Number.MAX_SAFE_INTEGER));
}

/** A minimum count: a whole number ≥ 1; fractions are rounded down, infinity matches nothing. */
export function minimumCount(field: string, value: number): number {
  return Math.max(1, Math.min(Math.floor(numberOption(field, value)), Number.MAX_SAFE_INTEGER));
}
