import { stripSearchParams } from '@tanstack/react-router';
import { z } from 'zod';
import { pageQuery } from '#shared/contracts/pagination';

/** A list's sort in the URL and on the wire: `field` ascending, `-field` descending. */
export type SortValue<F extends string> = F | `-${F}`;

export interface ListSearchOptions<F extends string, X extends z.ZodRawShape> {
  /** The fields the list sorts by (the columns' ids). */
  sortable: readonly [F, ...F[]];
  defaultSort: SortValue<F>;
  pageSize?: number;
  /** The list's own filters, e.g. `{ status: userStatusSchema }`; each is optional in the URL. */
  filters?: X;
}

type OptionalFilters<X extends z.ZodRawShape> = { [K in keyof X]: z.ZodCatch<z.ZodOptional<X[K]>> };

function optionalFilters<X extends z.ZodRawShape>(filters: X | undefined): OptionalFilters<X> {
  const entries = Object.entries(filters ?? {}).map(([key, schema]) => [
    key,
    (schema as z.ZodType).optional().catch(undefined),
  ]);
  return Object.fromEntries(entries) as OptionalFilters<X>;
}

/**
 * The URL state of a list page, for its route's `validateSearch`: the shared pagination contract's
 * `limit`, `offset`, `sort` and `q` (shared/contracts/pagination.ts), plus the list's filters. What
 * the URL holds that the contract refuses falls back to the default, so a hand-edited link never
 * breaks the page; defaults are left out of the URL (`search.middlewares: [list.strip]`).
 */
export function listSearch<const F extends string, X extends z.ZodRawShape = Record<never, never>>(
  options: ListSearchOptions<F, X>,
) {
  const contract = pageQuery(options.sortable, { sort: options.defaultSort, limit: options.pageSize });
  const defaults = { limit: options.pageSize ?? 50, offset: 0, sort: options.defaultSort };
  const schema = z.object({
    limit: contract.shape.limit.catch(defaults.limit),
    offset: contract.shape.offset.catch(0),
    sort: contract.shape.sort.catch(defaults.sort as Awaited<SortValue<F>>),
    q: contract.shape.q.catch(undefined),
    ...optionalFilters(options.filters),
  });
  return {
    schema,
    defaults,
    strip: stripSearchParams<z.output<typeof schema>>(
      defaults as unknown as Partial<z.output<typeof schema>>,
    ),
  };
}

/**
 * The URL state of a filter-only page (a keyset-paged log, say): each filter optional, anything
 * unusable dropped.
 */
export function filterSearch<X extends z.ZodRawShape>(filters: X) {
  return { schema: z.object(optionalFilters(filters)) };
}

/** What every list's URL state has, whatever its filters. */
export interface PagedSearch<F extends string = string> {
  limit: number;
  offset: number;
  sort: SortValue<F>;
  q?: string | undefined;
}
