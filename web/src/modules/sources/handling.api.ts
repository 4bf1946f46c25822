import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  type CompromiseBody,
  type ConductScheduleBody,
  type ContactBody,
  type ContactOutcomeBody,
  calendarView,
  completenessView,
  dashboardView,
  type DisclosureBody,
  type HandlingView,
  handlingView,
  type IntelligenceBody,
  type ProductBody,
  type RewardBody,
  type RewardDecisionBody,
  type RewardPaymentBody,
  type RiskAssessmentBody,
  type RiskConfirmationBody,
  type TaskingBody,
  timelineView,
} from '#shared/contracts/sources-handling';
import { api } from '../../api/client';
import { sourcesKey } from './sources.api';

// The handling life of a source (issue 21; shared/contracts/sources-handling.ts): one record per
// source, its reg. 3 completeness and timeline, the handler's calendar and dashboard.

const encode = encodeURIComponent;
const sourcePath = (id: string) => `/api/sources/${encode(id)}`;

/** One source's handling record; reading it is audited (contacts and rewards), so it is fetched on demand. */
export function handlingQuery(id: string) {
  return queryOptions({
    queryKey: [...sourcesKey, 'source', id, 'handling'] as const,
    queryFn: ({ signal }) => api.get(`${sourcePath(id)}/handling`, handlingView, signal),
  });
}

/** reg. 3 (a)–(n): each particular present, missing or not applicable. */
export function completenessQuery(id: string) {
  return queryOptions({
    queryKey: [...sourcesKey, 'source', id, 'completeness'] as const,
    queryFn: ({ signal }) => api.get(`${sourcePath(id)}/completeness`, completenessView, signal),
  });
}

/** The whole life of the source in order. */
export function timelineQuery(id: string) {
  return queryOptions({
    queryKey: [...sourcesKey, 'source', id, 'timeline'] as const,
    queryFn: ({ signal }) => api.get(`${sourcePath(id)}/timeline`, timelineView, signal),
  });
}

/** The contacts of the user's sources from `from` (inclusive) to `to` (exclusive). */
export function calendarQuery(from: string, to: string) {
  const params = new URLSearchParams({ from, to });
  return queryOptions({
    queryKey: [...sourcesKey, 'calendar', from, to] as const,
    queryFn: ({ signal }) => api.get(`/api/sources/calendar?${params}`, calendarView, signal),
  });
}

/** The handler's dashboard and the controller's view: the same clocks. */
export const dashboardQuery = queryOptions({
  queryKey: [...sourcesKey, 'dashboard'] as const,
  queryFn: ({ signal }) => api.get('/api/sources/dashboard', dashboardView, signal),
});

function write<B>(id: string, path: string) {
  return (body: B): Promise<HandlingView> =>
    api.request('POST', `${sourcePath(id)}${path}`, { body, schema: handlingView });
}

/** The writes of the handling life, by what they do; each answers the handling record as it now stands. */
export function handlingWrites(id: string) {
  return {
    assess: write<RiskAssessmentBody>(id, '/risk-assessments'),
    confirmAssessment: (assessmentId: string) =>
      write<RiskConfirmationBody>(id, `/risk-assessments/${encode(assessmentId)}/confirmation`),
    recordConduct: (authorisationId: string) =>
      write<ConductScheduleBody>(id, `/authorisations/${encode(authorisationId)}/conduct`),
    task: write<TaskingBody>(id, '/taskings'),
    compromise: write<CompromiseBody>(id, '/compromise-indicators'),
    contact: write<ContactBody>(id, '/contacts'),
    outcome: (contactId: string) => write<ContactOutcomeBody>(id, `/contacts/${encode(contactId)}/outcome`),
    report: write<IntelligenceBody>(id, '/intelligence'),
    disseminate: (reportId: string) => write<ProductBody>(id, `/intelligence/${encode(reportId)}/products`),
    requestReward: write<RewardBody>(id, '/rewards'),
    decideReward: (rewardId: string) =>
      write<RewardDecisionBody>(id, `/rewards/${encode(rewardId)}/decision`),
    payReward: (rewardId: string) => write<RewardPaymentBody>(id, `/rewards/${encode(rewardId)}/payment`),
    disclose: write<DisclosureBody>(id, '/disclosures'),
  };
}
export type HandlingWrites = ReturnType<typeof handlingWrites>;

/**
 * Sends one handling write and keeps the screens in step: the handling record takes the answer, and
 * everything else of the module (the source, its record and timeline, alerts, dashboard) is fetched again.
 */
export function useHandlingUpdate(sourceId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (send: (writes: HandlingWrites) => Promise<HandlingView>): Promise<HandlingView> => {
      const view = await send(handlingWrites(sourceId));
      const key = handlingQuery(sourceId).queryKey;
      queryClient.setQueryData(key, view);
      await queryClient.invalidateQueries({
        queryKey: sourcesKey,
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(key),
      });
      return view;
    },
    [queryClient, sourceId],
  );
}
