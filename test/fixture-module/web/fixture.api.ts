import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../web/src/api/client';
import {
  type CreateFixtureRecordBody,
  type FixtureRecordView,
  fixtureCompartmentsResponse,
  fixtureRecordPage,
  fixtureRecordView,
} from '../fixture.contract';
import type { FixtureSearch } from './fixture-search';

/** Every query of the module starts with this key; a change fetches them all again. */
export const fixtureKey = ['fixture'] as const;

/** One page of records, as the URL asks for it (the server pages, sorts and searches). */
export function fixtureRecordsQuery(search: FixtureSearch) {
  const params = new URLSearchParams({
    limit: String(search.limit),
    offset: String(search.offset),
    sort: search.sort,
    ...(search.q ? { q: search.q } : {}),
  });
  return queryOptions({
    queryKey: [...fixtureKey, 'records', search] as const,
    queryFn: ({ signal }) => api.get(`/api/fixture/records?${params}`, fixtureRecordPage, signal),
    placeholderData: keepPreviousData,
  });
}

/** Where the user may create a record. */
export const fixtureCompartmentsQuery = queryOptions({
  queryKey: [...fixtureKey, 'compartments'] as const,
  queryFn: async ({ signal }) =>
    (await api.get('/api/fixture/compartments', fixtureCompartmentsResponse, signal)).items,
});

export function createFixtureRecord(input: CreateFixtureRecordBody): Promise<FixtureRecordView> {
  return api.post('/api/fixture/records', input, fixtureRecordView);
}

export function deleteFixtureRecord(id: string): Promise<unknown> {
  return api.request('DELETE', `/api/fixture/records/${encodeURIComponent(id)}`);
}
