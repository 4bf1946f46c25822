import {
  applicationBody,
  approachDecisionBody,
  approachRequestBody,
  authorisationDecisionBody,
  ccaApplicationBody,
  ccaDecisionBody,
  ccaNoticeBody,
  ccaRenewalBody,
  judicialApprovalBody,
  reasonBody,
  recruitmentBody,
  renewalBody,
  renewalDecisionBody,
  reviewBody,
  reviewDecisionBody,
  sourceApproachRequestParams,
  sourceAuthorisationParams,
  sourceCcaParams,
  sourceIdParams,
  sourceRenewalParams,
  sourceReviewParams,
  sourceView,
  writeUpBody,
} from '#shared/contracts/sources';
import type { AppContext } from '../../app-context';
import { defineRoute, type RouteDefinition } from '../../platform/modules/define-route';
import { access, viewOf } from './sources.routes';
import { applyForAuthorisation } from './use-cases/apply-authorisation';
import { decideApproach, recordRecruitment, requestApproach } from './use-cases/approach-and-recruitment';
import { writeUpUrgentGrant } from './use-cases/write-up';
import { applyForCca, cancelCca, decideCca, recordCcaNotice, renewCca } from './use-cases/ccas';
import { decideAuthorisation } from './use-cases/decide-authorisation';
import { applyForRenewal, decideRenewal, recordJudicialApproval } from './use-cases/renewals';
import { considerReview, submitReview } from './use-cases/reviews';

/**
 * The legal life of a source: approach requests and their decisions, recruitment; applications, decisions, reviews,
 * renewals and Judicial Commissioner approvals; criminal conduct authorisations and their notices.
 * Every answer is the source's view after the change.
 */
export function authorisationRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/approach-requests',
      access: access.handle,
      summary: 'Request approval to approach a prospect: who, why, the risk, the bona-fides arrangement',
      params: sourceIdParams,
      body: approachRequestBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await requestApproach(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/approach-requests/:requestId/decision',
      access: access.authorise,
      summary: 'Approve or refuse a request to approach, with written reasons',
      params: sourceApproachRequestParams,
      body: approachDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await decideApproach(ctx, scope, params.id, params.requestId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/recruitment',
      access: access.handle,
      summary:
        "Record the recruitment: date, circumstances, motivation in the source's words, that they volunteer",
      params: sourceIdParams,
      body: recruitmentBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await recordRecruitment(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations',
      access: access.handle,
      summary: 'Apply for an authorisation (put to an authorising officer)',
      params: sourceIdParams,
      body: applicationBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await applyForAuthorisation(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/decision',
      access: access.authorise,
      summary: 'Grant or refuse an application, with written reasons',
      params: sourceAuthorisationParams,
      body: authorisationDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await decideAuthorisation(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/write-up',
      access: access.authorise,
      summary: 'Record the written record of an urgent (oral) grant',
      params: sourceAuthorisationParams,
      body: writeUpBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await writeUpUrgentGrant(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/reviews',
      access: access.handle,
      summary: 'Submit a review: use made of the source, tasks given, information obtained',
      params: sourceAuthorisationParams,
      body: reviewBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await submitReview(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/renewals',
      access: access.handle,
      summary: 'Apply to renew an authorisation in force',
      params: sourceAuthorisationParams,
      body: renewalBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await applyForRenewal(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorisations/:authorisationId/judicial-approvals',
      access: access.authorise,
      summary: "Record a Judicial Commissioner's approval (long-term undercover deployment)",
      params: sourceAuthorisationParams,
      body: judicialApprovalBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await recordJudicialApproval(ctx, scope, params.id, params.authorisationId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/reviews/:reviewId/decision',
      access: access.authorise,
      summary: 'Consider a review (and set the review frequency)',
      params: sourceReviewParams,
      body: reviewDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await considerReview(ctx, scope, params.id, params.reviewId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/renewals/:renewalId/decision',
      access: access.authorise,
      summary: 'Grant or refuse a renewal (refused until a review covers the period since the last grant)',
      params: sourceRenewalParams,
      body: renewalDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await decideRenewal(ctx, scope, params.id, params.renewalId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/ccas',
      access: access.handle,
      summary: 'Apply for a criminal conduct authorisation alongside the authorisation in force',
      params: sourceIdParams,
      body: ccaApplicationBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await applyForCca(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/ccas/:ccaId/decision',
      access: access.authorise,
      summary: 'Grant or refuse a criminal conduct authorisation (a designated officer)',
      params: sourceCcaParams,
      body: ccaDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await decideCca(ctx, scope, params.id, params.ccaId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/ccas/:ccaId/notices',
      access: access.authorise,
      summary: 'Record the written notice of a CCA to a Judicial Commissioner (due within 7 days)',
      params: sourceCcaParams,
      body: ccaNoticeBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await recordCcaNotice(ctx, scope, params.id, params.ccaId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/ccas/:ccaId/renew',
      access: access.authorise,
      summary: 'Renew a criminal conduct authorisation, with reasons (a 7-day notice follows)',
      params: sourceCcaParams,
      body: ccaRenewalBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await renewCca(ctx, scope, params.id, params.ccaId, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/ccas/:ccaId/cancel',
      access: access.authorise,
      summary: 'Cancel a criminal conduct authorisation, with the reason',
      params: sourceCcaParams,
      body: reasonBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        viewOf(ctx, scope, await cancelCca(ctx, scope, params.id, params.ccaId, body.reason)),
    }),
  ];
}
