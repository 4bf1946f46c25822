import { infiniteQueryOptions } from '@tanstack/react-query';
import {
  type AuditVerifyResponse,
  auditEventsQuery as auditEventsContract,
  auditEventsResponse,
  auditVerifyResponse,
} from '#shared/contracts/audit';
import { api } from '../../api/client';
import { filterSearch } from '../../ui/table/list-search';

/** The viewer's filters: the audit contract's, held in the URL (instants as ISO 8601). */
export const auditFilterContract = auditEventsContract.pick({
  actor: true,
  recordType: true,
  recordId: true,
  from: true,
  to: true,
});
export const auditSearch = filterSearch(auditFilterContract.shape);
export type AuditFilters = Partial<Record<keyof typeof auditFilterContract.shape, string>>;

/** The query string of one page of the audit log. Pure. */
export function auditSearchParams(filters: AuditFilters, beforeSeq?: string, limit = 50): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['actor', 'recordType', 'recordId', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (beforeSeq) params.set('beforeSeq', beforeSeq);
  params.set('limit', String(limit));
  return params;
}

export function auditEventsQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['audit', 'events', filters] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get(`/api/audit/events?${auditSearchParams(filters, pageParam)}`, auditEventsResponse, signal),
    getNextPageParam: (page) => page.nextBeforeSeq ?? undefined,
  });
}

export function verifyAuditChain(): Promise<AuditVerifyResponse> {
  return api.post('/api/audit/verify', undefined, auditVerifyResponse);
}
