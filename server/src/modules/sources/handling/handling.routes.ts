import {
  assessmentParams,
  calendarQuery,
  calendarView,
  completenessView,
  compromiseBody,
  conductScheduleBody,
  contactBody,
  contactOutcomeBody,
  contactParams,
  dashboardView,
  disclosureBody,
  handlingView,
  intelligenceBody,
  productBody,
  releasedProductsResponse,
  reportParams,
  rewardBody,
  rewardDecisionBody,
  rewardParams,
  rewardPaymentBody,
  riskAssessmentBody,
  riskConfirmationBody,
  taskingBody,
  timelineView,
} from '#shared/contracts/sources-handling';
import { sourceAuthorisationParams, sourceIdParams } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import type { UserScope } from '../../../platform/request-scope';
import { access } from '../sources.routes';
import type { HandlingResult } from './handling-state';
import { presentHandling } from './handling.presenter';
import { recordContact, recordContactOutcome } from './use-cases/contacts';
import { readCalendar, readDashboard } from './use-cases/dashboard';
import { recordDisclosure } from './use-cases/disclosures';
import { disseminate, listReleasedProducts, recordIntelligence } from './use-cases/intelligence';
import { completenessOf, readHandling, timelineOf } from './use-cases/record';
import { decideReward, payReward, requestReward } from './use-cases/rewards';
import { confirmAssessment, recordConductSchedule, recordRiskAssessment } from './use-cases/risk';
import { giveTask, reportCompromise } from './use-cases/tasking';

/**
 * The handling life of a source (issue 21; the route table is in shared/contracts/sources-handling.ts).
 * Thin: each handler calls one use case and the presenter. Need-to-know is the use cases' (hidden or
 * unknown → 404); rule refusals are 422 naming the rule. Every answer that shows contacts or rewards
 * was audited as a sensitive read by its use case.
 */
export function handlingRoutes(ctx: AppContext): RouteDefinition[] {
  const view = (scope: UserScope, result: HandlingResult) => presentHandling(result, scope.clock.now());
  return [
    defineRoute({
      method: 'GET',
      url: '/api/sources/dashboard',
      access: access.read,
      summary: "The handler's dashboard and the controller's view: my sources, this week, what is due",
      response: dashboardView,
      handler: async ({ scope }) => readDashboard(ctx, scope),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/products',
      access: access.read,
      summary: 'Sanitised products released to you by name, within your markings (newest first)',
      response: releasedProductsResponse,
      handler: async ({ scope }) => ({ items: await listReleasedProducts(ctx, scope) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/calendar',
      access: access.read,
      summary: "The handler's calendar: contacts planned in a period across my sources (audited)",
      query: calendarQuery,
      response: calendarView,
      handler: async ({ query, scope }) => readCalendar(ctx, scope, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id/handling',
      access: access.read,
      summary: "A source's handling record: risk, tasks, contacts, intelligence, products, rewards (audited)",
      params: sourceIdParams,
      response: handlingView,
      handler: async ({ params, scope }) => view(scope, await readHandling(ctx, scope, params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id/completeness',
      access: access.read,
      summary: 'The completeness of the source record: reg. 3 (a)–(n) present, missing or not applicable',
      params: sourceIdParams,
      response: completenessView,
      handler: async ({ params, scope }) => {
        const result = await readHandling(ctx, scope, params.id);
        return completenessOf(result.state, result.handling);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id/timeline',
      access: access.read,
      summary: "The source's whole life in order (audited)",
      params: sourceIdParams,
      response: timelineView,
      handler: async ({ params, scope }) => timelineOf(await readHandling(ctx, scope, params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/risk-assessments',
      access: access.handle,
      summary: 'Record a risk assessment (a new version; the enhanced one for a juvenile)',
      params: sourceIdParams,
      body: riskAssessmentBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordRiskAssessment(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/risk-assessments/:assessmentId/confirmation',
      access: access.authorise,
      summary: "The AO's confirmation that the risks were considered and explained (reg. 3(f))",
      params: assessmentParams,
      body: riskConfirmationBody,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await confirmAssessment(ctx, scope, params.id, params.assessmentId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/conduct',
      access: access.authorise,
      summary: 'Record the conduct an authorisation covers (tasks outside it are refused)',
      params: sourceAuthorisationParams,
      body: conductScheduleBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordConductSchedule(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/taskings',
      access: access.handle,
      summary: 'Task the source (reg. 3(j)), within the conduct its authorisation covers',
      params: sourceIdParams,
      body: taskingBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) => view(scope, await giveTask(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/compromise-indicators',
      access: access.handle,
      summary: 'Record a compromise indicator (a risk re-assessment falls due)',
      params: sourceIdParams,
      body: compromiseBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await reportCompromise(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/contacts',
      access: access.handle,
      summary: 'Plan a meeting or log a contact (reg. 3(k))',
      params: sourceIdParams,
      body: contactBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordContact(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/contacts/:contactId/outcome',
      access: access.handle,
      summary: "Record a planned contact's outcome: held, missed or called off, with welfare notes",
      params: contactParams,
      body: contactOutcomeBody,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordContactOutcome(ctx, scope, params.id, params.contactId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/intelligence',
      access: access.handle,
      summary: 'Record intelligence obtained, graded 3x5x2 (reg. 3(l))',
      params: sourceIdParams,
      body: intelligenceBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordIntelligence(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/intelligence/:reportId/products',
      access: access.handle,
      summary: 'Release a sanitised product of a report to named recipients (reg. 3(m))',
      params: reportParams,
      body: productBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await disseminate(ctx, scope, params.id, params.reportId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/rewards',
      access: access.handle,
      summary: 'Request a payment, benefit, expenses or an offer (reg. 3(n))',
      params: sourceIdParams,
      body: rewardBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await requestReward(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/rewards/:rewardId/decision',
      access: access.read,
      summary: 'Approve or refuse a reward (four eyes; above the threshold, the controller)',
      params: rewardParams,
      body: rewardDecisionBody,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await decideReward(ctx, scope, params.id, params.rewardId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/rewards/:rewardId/payment',
      access: access.handle,
      summary: 'Record an approved reward paid, with its receipt reference',
      params: rewardParams,
      body: rewardPaymentBody,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await payReward(ctx, scope, params.id, params.rewardId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/disclosures',
      access: access.handle,
      summary: '"Who can I tell": record a disclosure and the advice (a re-assessment falls due)',
      params: sourceIdParams,
      body: disclosureBody,
      status: 201,
      response: handlingView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordDisclosure(ctx, scope, params.id, body)),
    }),
  ];
}
