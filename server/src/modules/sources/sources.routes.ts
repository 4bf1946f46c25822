import { z } from 'zod';
import {
  addAuthorityBody,
  assessmentBody,
  assignRoleBody,
  breakGlassDecisionBody,
  breakGlassRequestBody,
  centralRecordPage,
  centralRecordExportQuery,
  centralRecordQuery,
  createSourceBody,
  handOverBody,
  identityBody,
  identityView,
  officerCandidatesResponse,
  queueResponse,
  reasonBody,
  sourceAlertsResponse,
  sourceBreakGlassParams,
  sourceCountQuery,
  sourceCountResponse,
  sourceIdParams,
  sourceListQuery,
  sourcePage,
  sourceRoleParams,
  sourceView,
} from '#shared/contracts/sources';
import type { AppContext } from '../../app-context';
import { defineRoute, type RouteDefinition } from '../../platform/modules/define-route';
import type { UserScope } from '../../platform/request-scope';
import type { SourceResult } from './source-state';
import { presentSource, presentSourceSummary } from './sources.presenter';
import { listAlerts } from './use-cases/alerts';
import { decideBreakGlass, requestBreakGlass } from './use-cases/break-glass';
import { exportCentralRecord, readCentralRecord } from './use-cases/central-record';
import { cancelSource, closeSource, resumeSource, suspendSource } from './use-cases/change-status';
import { createSource } from './use-cases/create-source';
import { readIdentity, writeIdentity } from './use-cases/identity';
import { countSources, listSources } from './use-cases/list-sources';
import { listOfficerCandidates } from './use-cases/officers';
import { listQueue } from './use-cases/queue';
import { readSource } from './use-cases/read-source';
import { addAuthority, recordAssessment } from './use-cases/record-details';
import { assignRole, endRole, handOver } from './use-cases/roles';

export const access = {
  read: { permission: 'sources:read' },
  handle: { permission: 'sources:handle' },
  authorise: { permission: 'sources:authorise' },
  records: { permission: 'sources:records' },
} as const;

/** A source's view for the actor as the use case left them (a role may have read them in or out). */
export function viewOf(ctx: AppContext, scope: UserScope, result: SourceResult) {
  return presentSource(result.state, {
    actor: result.viewer,
    now: scope.clock.now(),
    config: ctx.config.sources,
  });
}

/**
 * The register, the vault, roles, the approach and the status machine; the lists across sources
 * (the AO's queue, alerts, the central record). Thin: each handler calls one use case and the
 * presenter. Need-to-know is the use cases' (hidden or unknown → 404; the inspector's changes → 403);
 * rule refusals are 422 naming the rule.
 */
export function sourceRoutes(ctx: AppContext): RouteDefinition[] {
  const view = (scope: UserScope, result: SourceResult) => viewOf(ctx, scope, result);
  const onSourceRoute = (
    url: string,
    summary: string,
    permission: (typeof access)[keyof typeof access],
    run: (scope: UserScope, id: string, reason: string) => Promise<SourceResult>,
  ) =>
    defineRoute({
      method: 'POST',
      url,
      access: permission,
      summary,
      params: sourceIdParams,
      body: reasonBody,
      response: sourceView,
      handler: async ({ params, body, scope }) => view(scope, await run(scope, params.id, body.reason)),
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/sources',
      access: access.read,
      summary: 'One page of the sources you are read into (pseudonyms and URNs, flags, clocks)',
      query: sourceListQuery,
      response: sourcePage,
      handler: async ({ query, scope }) => {
        const page = await listSources(ctx, scope, query);
        const p = { actor: scope.actor, now: scope.clock.now(), config: ctx.config.sources };
        return { ...page, items: page.items.map((f) => presentSourceSummary(f, page.officers, p)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/count',
      access: access.read,
      summary: 'How many sources you are read into match a search',
      query: sourceCountQuery,
      response: sourceCountResponse,
      handler: async ({ query, scope }) => ({ count: await countSources(ctx, scope, query) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources',
      access: access.handle,
      summary: 'Register a prospect (you become its handler, in a compartment of its own)',
      body: createSourceBody,
      status: 201,
      response: sourceView,
      handler: async ({ body, scope }) => view(scope, await createSource(ctx, scope, body)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/queue',
      access: access.authorise,
      summary:
        "The authorising officer's queue: applications, renewals, reviews and CCAs waiting, oldest first",
      response: queueResponse,
      handler: async ({ scope }) => ({ items: await listQueue(ctx, scope) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/alerts',
      access: access.read,
      summary: 'Compliance alerts of the sources you are read into',
      response: sourceAlertsResponse,
      handler: async ({ scope }) => ({ items: await listAlerts(ctx, scope) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/central-record',
      access: access.records,
      summary: 'The central record of authorisations (LAW.md §3), one page',
      query: centralRecordQuery,
      response: centralRecordPage,
      handler: async ({ query, scope }) => readCentralRecord(ctx, scope, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/central-record/export',
      access: access.records,
      summary: 'The central record as CSV, searched and ordered as the page (the export is audited)',
      query: centralRecordExportQuery,
      response: z.string(),
      handler: async ({ query, scope, reply }) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="central-record.csv"')
          .send(await exportCentralRecord(ctx, scope, query)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id',
      access: access.read,
      summary: 'One source: roles, approach, recruitment, authorisations, CCAs, alerts (never the vault)',
      params: sourceIdParams,
      response: sourceView,
      handler: async ({ params, scope }) => view(scope, await readSource(ctx, scope, params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id/officers',
      access: access.handle,
      summary: 'The officers who may take a role on a source (cleared for its markings)',
      params: sourceIdParams,
      response: officerCandidatesResponse,
      handler: async ({ params, scope }) => listOfficerCandidates(ctx, scope, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/authorities',
      access: access.handle,
      summary: 'Record another investigating authority and how it refers to the source (reg. 3(c)(d))',
      params: sourceIdParams,
      body: addAuthorityBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await addAuthority(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/assessments',
      access: access.handle,
      summary: 'Record a welfare, vulnerability or juvenile enhanced risk assessment',
      params: sourceIdParams,
      body: assessmentBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await recordAssessment(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sources/:id/identity',
      access: access.read,
      summary:
        "A source's true identity, decrypted (a sensitive read: audited; its role holders or break-glass only)",
      params: sourceIdParams,
      response: identityView,
      handler: async ({ params, scope }) => readIdentity(ctx, scope, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/sources/:id/identity',
      access: access.handle,
      summary: "Write a source's true-identity vault (stored encrypted)",
      params: sourceIdParams,
      body: identityBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await writeIdentity(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/roles',
      access: access.handle,
      summary: 'Give an officer a role on the source for a period (reads them in)',
      params: sourceIdParams,
      body: assignRoleBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) => view(scope, await assignRole(ctx, scope, params.id, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/roles/:roleId/end',
      access: access.handle,
      summary: "End a role's period now (reads its holder out when no role of theirs is left)",
      params: sourceRoleParams,
      body: reasonBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await endRole(ctx, scope, params.id, params.roleId, body.reason)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/hand-over',
      access: access.handle,
      summary: 'Hand the source over from one handler to another (a recorded hand-over)',
      params: sourceIdParams,
      body: handOverBody,
      response: sourceView,
      handler: async ({ params, body, scope }) => view(scope, await handOver(ctx, scope, params.id, body)),
    }),
    onSourceRoute(
      '/api/sources/:id/suspend',
      'Suspend an authorised source (its controller)',
      access.handle,
      (s, id, r) => suspendSource(ctx, s, id, r),
    ),
    onSourceRoute(
      '/api/sources/:id/resume',
      'Resume a suspended source (its controller)',
      access.handle,
      (s, id, r) => resumeSource(ctx, s, id, r),
    ),
    onSourceRoute(
      '/api/sources/:id/close',
      'Close a source that is not, or no longer, authorised (its controller)',
      access.handle,
      (s, id, r) => closeSource(ctx, s, id, r),
    ),
    onSourceRoute(
      '/api/sources/:id/cancel',
      'Cancel the authorisation and its CCAs (RIPA s.45), with the reason',
      access.authorise,
      (s, id, r) => cancelSource(ctx, s, id, r),
    ),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/break-glass',
      access: access.read,
      summary: 'Ask for break-glass access to the true identity, stating the reason',
      params: sourceIdParams,
      body: breakGlassRequestBody,
      status: 201,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await requestBreakGlass(ctx, scope, params.id, body.reason)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/sources/:id/break-glass/:breakGlassId/decision',
      access: access.read,
      summary: "Approve or refuse a break-glass request (the source's controller or AO; time-boxed)",
      params: sourceBreakGlassParams,
      body: breakGlassDecisionBody,
      response: sourceView,
      handler: async ({ params, body, scope }) =>
        view(scope, await decideBreakGlass(ctx, scope, params.id, params.breakGlassId, body)),
    }),
  ];
}
