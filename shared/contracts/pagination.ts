import { z } from 'zod';
import { singleLineText } from './text';

/** Rows a list answers at most per page. */
export const MAX_PAGE_SIZE = 500;

/**
 * The query of every list endpoint: `limit`/`offset` paging, `sort` (a field the list allows,
 * `-field` for descending) and `q` (the list's free-text filter). Query strings arrive as text,
 * hence the coercions.
 */
export function pageQuery<const S extends readonly [string, ...string[]]>(
  sortable: S,
  defaults: { sort: S[number] | `-${S[number]}`; limit?: number },
) {
  const sorts = [...sortable, ...sortable.map((s) => `-${s}`)] as [string, ...string[]];
  return z.strictObject({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(defaults.limit ?? 50),
    offset: z.coerce.number().int().min(0).default(0),
    sort: z
      .enum(sorts)
      .default(defaults.sort)
      .transform((s) => s as S[number] | `-${S[number]}`),
    q: singleLineText().trim().max(200).optional(),
  });
}

/** The answer of every list endpoint: one page of items and the total the filter matches. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `-name` → { field: 'name', descending: true }. */
export function parseSort<F extends string>(sort: F | `-${F}`): { field: F; descending: boolean } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as F, descending: true }
    : { field: sort as F, descending: false };
}
