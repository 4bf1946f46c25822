import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filterSearch, listSearch } from './list-search';
import { pageLocally, pagePosition, sortingOf, sortOf } from './list-state';

const users = listSearch({
  sortable: ['username', 'status'],
  defaultSort: 'username',
  pageSize: 25,
  filters: { status: z.enum(['active', 'disabled']) },
});

describe('listSearch: the URL state of a list', () => {
  it('reads the shared pagination contract from the URL, defaults filling the gaps', () => {
    expect(users.schema.parse({})).toEqual({ limit: 25, offset: 0, sort: 'username' });
    expect(
      users.schema.parse({ limit: '10', offset: 20, sort: '-status', q: ' ana ', status: 'active' }),
    ).toEqual({ limit: 10, offset: 20, sort: '-status', q: 'ana', status: 'active' });
  });

  it('falls back to the default for what the contract refuses, instead of failing the page', () => {
    expect(users.schema.parse({ limit: 100_000, offset: -1, sort: 'password', status: 'gone' })).toEqual({
      limit: 25,
      offset: 0,
      sort: 'username',
    });
  });

  it('keeps defaults out of the URL', () => {
    expect(users.defaults).toEqual({ limit: 25, offset: 0, sort: 'username' });
  });

  it('filter-only pages drop what they cannot use', () => {
    const audit = filterSearch({ actor: z.string().min(1), from: z.iso.datetime({ offset: true }) });
    expect(audit.schema.parse({ actor: 'ada', from: 'last week' })).toEqual({ actor: 'ada' });
  });
});

describe('sorting in the URL', () => {
  it('maps `-field` to and from the table state', () => {
    expect(sortingOf('-at')).toEqual([{ id: 'at', desc: true }]);
    expect(sortOf([{ id: 'name', desc: false }], '-at')).toBe('name');
    expect(sortOf([{ id: 'name', desc: true }], '-at')).toBe('-name');
    expect(sortOf([], '-at')).toBe('-at');
  });
});

describe('pageLocally', () => {
  const rows = ['delta', 'Alpha', 'charlie', 'bravo', 'echo'].map((name, i) => ({ name, rank: i }));
  const read = {
    text: (r: (typeof rows)[number]) => [r.name],
    value: (r: (typeof rows)[number], f: string) => (f === 'rank' ? r.rank : r.name),
  };

  it('filters by q, sorts and pages like a server list', () => {
    const page = pageLocally(rows, { limit: 2, offset: 2, sort: 'name' }, read);
    expect(page).toEqual({ items: [rows[2], rows[0]], total: 5, limit: 2, offset: 2 });
    expect(
      pageLocally(rows, { limit: 10, offset: 0, sort: '-rank', q: 'A' }, read).items.map((r) => r.name),
    ).toEqual(['bravo', 'charlie', 'Alpha', 'delta']);
  });

  it('shows the last page for an offset past the end', () => {
    expect(pageLocally(rows, { limit: 2, offset: 40, sort: 'name' }, read).offset).toBe(4);
    expect(pageLocally([], { limit: 2, offset: 40, sort: 'name' }, read)).toEqual({
      items: [],
      total: 0,
      limit: 2,
      offset: 0,
    });
  });

  it('says where a page sits', () => {
    expect(pagePosition({ total: 5, limit: 2, offset: 4 })).toEqual({ current: 3, count: 3, first: 5 });
    expect(pagePosition({ total: 0, limit: 2, offset: 0 })).toEqual({ current: 1, count: 1, first: 0 });
  });
});
