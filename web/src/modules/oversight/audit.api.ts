import { infiniteQueryOptions } from '@tanstack/react-query';
import { type AuditVerifyResponse, auditEventsResponse, auditVerifyResponse } from '#shared/contracts/audit';
import { api } from '../../api/client';

export interface AuditFilters {
  actor: string;
  recordType: string;
  recordId: string;
  /** Local date-time from an <input type="datetime-local">, or ''. */
  from: string;
  to: string;
}

export const emptyFilters: AuditFilters = { actor: '', recordType: '', recordId: '', from: '', to: '' };

/** The query string of one page of the audit log. Pure. */
export function auditSearchParams(filters: AuditFilters, beforeSeq?: string, limit = 50): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.recordType.trim()) params.set('recordType', filters.recordType.trim());
  if (filters.recordId.trim()) params.set('recordId', filters.recordId.trim());
  if (filters.from) params.set('from', new Date(filters.from).toISOString());
  if (filters.to) params.set('to', new Date(filters.to).toISOString());
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
