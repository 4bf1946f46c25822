import {
  centralRecordSortFields,
  isoDate,
  type SourceFlagFilter,
  sourceFlagFilterSchema,
  sourceSortFields,
  sourceStatusSchema,
} from '#shared/contracts/sources';
import { z } from 'zod';
import { filterSearch, listSearch } from '../../ui/table/list-search';

/**
 * The register's URL state: `/sources?status=authorised&sort=nextReviewDue&q=ash&flag=juvenile&
 * reviewDueBefore=2026-04-01`, the shared pagination contract and the contract's filters.
 */
export const sourcesSearch = listSearch({
  sortable: sourceSortFields,
  defaultSort: 'urn',
  pageSize: 25,
  filters: {
    status: sourceStatusSchema,
    reviewDueBefore: isoDate,
    expiresBefore: isoDate,
    flag: sourceFlagFilterSchema,
  },
});
export type SourcesSearch = typeof sourcesSearch.defaults & {
  q?: string | undefined;
  status?: (typeof sourceStatusSchema)['options'][number] | undefined;
  reviewDueBefore?: string | undefined;
  expiresBefore?: string | undefined;
  flag?: SourceFlagFilter | undefined;
};

/** The central record's URL state: `/sources/central-record?sort=-grantedAt&q=URN`. */
export const centralRecordSearch = listSearch({
  sortable: centralRecordSortFields,
  defaultSort: '-grantedAt',
  pageSize: 50,
});

/** The tabs of a source's page; the one open is in the URL (`?tab=authorisations`), so a link can open it. */
export const sourceTabs = [
  'overview',
  'identity',
  'roles',
  'authorisations',
  'risk',
  'tasking',
  'contacts',
  'intelligence',
  'rewards',
  'disclosures',
  'record',
  'timeline',
  'alerts',
] as const;
export type SourceTab = (typeof sourceTabs)[number];
export const sourcePageSearch = filterSearch({ tab: z.enum(sourceTabs) });

/** The handler's dashboard: the week its calendar shows, by its Monday (`/sources/dashboard?week=2027-03-08`). */
export const dashboardSearch = filterSearch({ week: isoDate });
