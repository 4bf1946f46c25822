import { type Page, parseSort } from '#shared/contracts/pagination';
import type { PagedSearch, SortValue } from './list-search';

/** TanStack Table's sorting state: one column, ascending or descending. */
export type Sorting = { id: string; desc: boolean }[];

/** `-at` → `[{ id: 'at', desc: true }]`. Pure. */
export function sortingOf(sort: string): Sorting {
  const { field, descending } = parseSort(sort);
  return [{ id: field, desc: descending }];
}

/** The inverse of `sortingOf`; no sort (a header clicked a third time) is the list's default. Pure. */
export function sortOf<F extends string>(sorting: Sorting, fallback: SortValue<F>): SortValue<F> {
  const first = sorting[0];
  if (!first) return fallback;
  return (first.desc ? `-${first.id}` : first.id) as SortValue<F>;
}

/** 1-based page number and page count of a page. Pure. */
export function pagePosition(page: Pick<Page<unknown>, 'total' | 'limit' | 'offset'>) {
  const count = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.min(count, Math.floor(page.offset / page.limit) + 1);
  return { current, count, first: page.total === 0 ? 0 : page.offset + 1 };
}

export interface LocalListReader<T> {
  /** The texts the free-text filter `q` searches in. */
  text(row: T): readonly (string | null | undefined)[];
  /** The value a sortable field sorts by. */
  value(row: T, field: string): string | number | boolean | null | undefined;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * One page of a list the server answers whole (a short one: users, compartments), filtered, sorted
 * and paged by the same URL state as a server-paged list, in the shape of the shared pagination
 * contract — so the DataTable does not care which side paged it. An offset past the end shows the
 * last page. Pure.
 */
export function pageLocally<T>(rows: readonly T[], search: PagedSearch, read: LocalListReader<T>): Page<T> {
  const needle = search.q?.trim().toLowerCase() ?? '';
  const matching =
    needle === ''
      ? [...rows]
      : rows.filter((row) => read.text(row).some((text) => text?.toLowerCase().includes(needle)));
  const { field, descending } = parseSort(search.sort);
  const sorted = matching.sort((a, b) => {
    const order = compare(read.value(a, field), read.value(b, field));
    return descending ? -order : order;
  });
  const lastOffset = Math.max(0, Math.floor((sorted.length - 1) / search.limit) * search.limit);
  const offset = Math.min(search.offset - (search.offset % search.limit), lastOffset);
  return {
    items: sorted.slice(offset, offset + search.limit),
    total: sorted.length,
    limit: search.limit,
    offset,
  };
}
