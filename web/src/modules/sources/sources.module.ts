import { createRoute } from '@tanstack/react-router';
import { sourcesManifest } from '#shared/contracts/sources.manifest';
import { appRoute } from '../../routes/app.route';
import { SourcesIcon } from '../../ui/icons';
import { defineWebModule, moduleGate } from '../module-definition';
import { centralRecordSearch, dashboardSearch, sourcePageSearch, sourcesSearch } from './sources-search';

const lazy = () => import('./sources.lazy');

/** `/sources` and everything under it: only for holders of `sources:read` where the module runs. */
const sourcesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sources',
  beforeLoad: moduleGate(sourcesManifest.name, 'sources:read'),
});

/** My sources: the register of the sources one is read into, pseudonyms and URNs only. */
const registerRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/',
  validateSearch: sourcesSearch.schema,
  search: { middlewares: [sourcesSearch.strip] },
}).lazy(() => lazy().then((m) => m.registerLazyRoute));

/** The handler's dashboard and the controller's view, with the week as a calendar. */
const dashboardRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/dashboard',
  validateSearch: dashboardSearch.schema,
}).lazy(() => lazy().then((m) => m.dashboardLazyRoute));

/** The AO's queue: what waits for their decision, oldest first. */
const queueRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/queue',
  beforeLoad: moduleGate(sourcesManifest.name, 'sources:authorise'),
}).lazy(() => lazy().then((m) => m.queueLazyRoute));

/** The central record of authorisations (LAW.md §3). */
const centralRecordRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/central-record',
  beforeLoad: moduleGate(sourcesManifest.name, 'sources:records'),
  validateSearch: centralRecordSearch.schema,
  search: { middlewares: [centralRecordSearch.strip] },
}).lazy(() => lazy().then((m) => m.centralRecordLazyRoute));

/** One source's page; a source one is not read into is not found, as the API answers. */
const sourceRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/$sourceId',
  validateSearch: sourcePageSearch.schema,
}).lazy(() => lazy().then((m) => m.sourceLazyRoute));

/** The decision screen of one item of the AO's queue (an application, renewal, review or CCA). */
const decisionRoute = createRoute({
  getParentRoute: () => sourcesRoute,
  path: '/$sourceId/decisions/$itemId',
  beforeLoad: moduleGate(sourcesManifest.name, 'sources:authorise'),
}).lazy(() => lazy().then((m) => m.decisionLazyRoute));

/**
 * Sources (issues 20 and 21): the register, each source's page with its vault, roles,
 * authorisations and handling life, the handler's week, the AO's queue and decisions, and the
 * central record.
 */
export const sourcesModule = defineWebModule({
  manifest: sourcesManifest,
  route: sourcesRoute.addChildren([
    registerRoute,
    dashboardRoute,
    queueRoute,
    centralRecordRoute,
    sourceRoute,
    decisionRoute,
  ]),
  nav: {
    title: 'Sources',
    group: 'Intelligence',
    icon: SourcesIcon,
    permission: 'sources:read',
    summary:
      'The register of the sources you are read into: roles and their periods, the identity vault, authorisations with their clocks and reviews, risk, tasking, meetings, graded intelligence and sanitised products, rewards, the reg. 3 record, your week, the authorising officer’s queue and the central record.',
  },
});
