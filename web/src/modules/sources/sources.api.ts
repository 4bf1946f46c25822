import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  type AddAuthorityBody,
  type ApplicationBody,
  type ApproachDecisionBody,
  type ApproachRequestBody,
  type AssessmentBody,
  type AssignRoleBody,
  type AuthorisationDecisionBody,
  type BreakGlassDecisionBody,
  type BreakGlassRequestBody,
  type CcaApplicationBody,
  type CcaDecisionBody,
  type CcaRenewalBody,
  type CcaNoticeBody,
  type CentralRecordQuery,
  type CreateSourceBody,
  centralRecordPage,
  type HandOverBody,
  type IdentityBody,
  identityView,
  type JudicialApprovalBody,
  officerCandidatesResponse,
  queueResponse,
  type ReasonBody,
  type RecruitmentBody,
  type RenewalBody,
  type ReviewBody,
  type ReviewDecisionBody,
  type SourceView,
  sourceAlertsResponse,
  sourcePage,
  sourceView,
  type WriteUpBody,
} from '#shared/contracts/sources';
import { api } from '../../api/client';
import type { SourcesSearch } from './sources-search';

/** Every query of the module starts with this key; a change fetches them all again. */
export const sourcesKey = ['sources'] as const;

const encode = encodeURIComponent;
const sourcePath = (id: string) => `/api/sources/${encode(id)}`;

function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** One page of the register, as the URL asks for it (the server pages, sorts, searches and filters). */
export function sourcesQuery(search: SourcesSearch) {
  const params = queryString({
    limit: search.limit,
    offset: search.offset,
    sort: search.sort,
    q: search.q,
    status: search.status,
    reviewDueBefore: search.reviewDueBefore,
    expiresBefore: search.expiresBefore,
    flag: search.flag,
  });
  return queryOptions({
    queryKey: [...sourcesKey, 'list', search] as const,
    queryFn: ({ signal }) => api.get(`/api/sources?${params}`, sourcePage, signal),
    placeholderData: keepPreviousData,
  });
}

/** One source with everything its page shows; an unknown source and one the user is not read into answer alike (404). */
export function sourceQuery(id: string) {
  return queryOptions({
    queryKey: [...sourcesKey, 'source', id] as const,
    queryFn: ({ signal }) => api.get(sourcePath(id), sourceView, signal),
  });
}

/** Officers who may take a role on this source (cleared for its markings). */
export function officersQuery(id: string) {
  return queryOptions({
    queryKey: [...sourcesKey, 'source', id, 'officers'] as const,
    queryFn: async ({ signal }) =>
      (await api.get(`${sourcePath(id)}/officers`, officerCandidatesResponse, signal)).items,
  });
}

/** The compliance alerts of every source the user is read into. */
export const alertsQuery = queryOptions({
  queryKey: [...sourcesKey, 'alerts'] as const,
  queryFn: async ({ signal }) => (await api.get('/api/sources/alerts', sourceAlertsResponse, signal)).items,
});

/** What waits for the AO's decision, oldest first. */
export const queueQuery = queryOptions({
  queryKey: [...sourcesKey, 'queue'] as const,
  queryFn: async ({ signal }) => (await api.get('/api/sources/queue', queueResponse, signal)).items,
});

export function centralRecordQuery(search: CentralRecordQuery) {
  const params = queryString({ limit: search.limit, offset: search.offset, sort: search.sort, q: search.q });
  return queryOptions({
    queryKey: [...sourcesKey, 'central-record', search] as const,
    queryFn: ({ signal }) => api.get(`/api/sources/central-record?${params}`, centralRecordPage, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The CSV export of the central record, searched and ordered as the page shows it: a download the
 * browser makes with the session cookie.
 */
export function centralRecordExportPath(search: {
  q?: string | undefined;
  sort?: string | undefined;
}): string {
  const params = queryString({ q: search.q, sort: search.sort });
  return `/api/sources/central-record/export${params ? `?${params}` : ''}`;
}

/** The vault, read once per click: each read is audited, so it is never cached or fetched again by itself. */
export function readIdentity(id: string) {
  return api.get(`${sourcePath(id)}/identity`, identityView);
}

export function createSource(body: CreateSourceBody): Promise<SourceView> {
  return api.post('/api/sources', body, sourceView);
}

/** Every write on a source answers the source as it now stands. */
function write<B>(id: string, path: string, method: 'POST' | 'PUT' = 'POST') {
  return (body: B): Promise<SourceView> =>
    api.request(method, `${sourcePath(id)}${path}`, { body, schema: sourceView });
}

/** The writes on one source, by what they do. */
export function sourceWrites(id: string) {
  return {
    addAuthority: write<AddAuthorityBody>(id, '/authorities'),
    addAssessment: write<AssessmentBody>(id, '/assessments'),
    writeIdentity: write<IdentityBody>(id, '/identity', 'PUT'),
    assignRole: write<AssignRoleBody>(id, '/roles'),
    endRole: (roleId: string) => write<ReasonBody>(id, `/roles/${encode(roleId)}/end`),
    handOver: write<HandOverBody>(id, '/hand-over'),
    requestApproach: write<ApproachRequestBody>(id, '/approach-requests'),
    decideApproach: (requestId: string) =>
      write<ApproachDecisionBody>(id, `/approach-requests/${encode(requestId)}/decision`),
    recordRecruitment: write<RecruitmentBody>(id, '/recruitment'),
    suspend: write<ReasonBody>(id, '/suspend'),
    resume: write<ReasonBody>(id, '/resume'),
    close: write<ReasonBody>(id, '/close'),
    cancel: write<ReasonBody>(id, '/cancel'),
    requestBreakGlass: write<BreakGlassRequestBody>(id, '/break-glass'),
    decideBreakGlass: (requestId: string) =>
      write<BreakGlassDecisionBody>(id, `/break-glass/${encode(requestId)}/decision`),
    apply: write<ApplicationBody>(id, '/authorisations'),
    decideApplication: (authorisationId: string) =>
      write<AuthorisationDecisionBody>(id, `/authorisations/${encode(authorisationId)}/decision`),
    submitReview: (authorisationId: string) =>
      write<ReviewBody>(id, `/authorisations/${encode(authorisationId)}/reviews`),
    applyRenewal: (authorisationId: string) =>
      write<RenewalBody>(id, `/authorisations/${encode(authorisationId)}/renewals`),
    writeUp: (authorisationId: string) =>
      write<WriteUpBody>(id, `/authorisations/${encode(authorisationId)}/write-up`),
    recordJudicialApproval: (authorisationId: string) =>
      write<JudicialApprovalBody>(id, `/authorisations/${encode(authorisationId)}/judicial-approvals`),
    considerReview: (reviewId: string) =>
      write<ReviewDecisionBody>(id, `/reviews/${encode(reviewId)}/decision`),
    decideRenewal: (renewalId: string) =>
      write<AuthorisationDecisionBody>(id, `/renewals/${encode(renewalId)}/decision`),
    applyCca: write<CcaApplicationBody>(id, '/ccas'),
    decideCca: (ccaId: string) => write<CcaDecisionBody>(id, `/ccas/${encode(ccaId)}/decision`),
    recordCcaNotice: (ccaId: string) => write<CcaNoticeBody>(id, `/ccas/${encode(ccaId)}/notices`),
    renewCca: (ccaId: string) => write<CcaRenewalBody>(id, `/ccas/${encode(ccaId)}/renew`),
    cancelCca: (ccaId: string) => write<ReasonBody>(id, `/ccas/${encode(ccaId)}/cancel`),
  };
}
