import { listSearch } from '../../../web/src/ui/table/list-search';
import { fixtureSortFields } from '../fixture.contract';

/** The list's URL state: `/fixture?q=harbour&sort=-createdAt&offset=25`, the shared pagination contract. */
export const fixtureSearch = listSearch({
  sortable: fixtureSortFields,
  defaultSort: '-createdAt',
  pageSize: 25,
});

export type FixtureSearch = typeof fixtureSearch.defaults & { q?: string | undefined };
