import { createRoute } from '@tanstack/react-router';
import { SecurityPage } from '../modules/account/security-page';
import { AdminPage } from '../modules/admin/admin-page';
import { CommsPage } from '../modules/comms/comms-page';
import { DashboardPage } from '../modules/dashboard/dashboard-page';
import { InvestigationsPage } from '../modules/investigations/investigations-page';
import { NotFoundPage } from '../modules/not-found/not-found-page';
import { OversightPage } from '../modules/oversight/oversight-page';
import { PartnersPage } from '../modules/partners/partners-page';
import { ProtectiveSecurityPage } from '../modules/protective-security/protective-security-page';
import { PublicReportsPage } from '../modules/public-reports/public-reports-page';
import { SourcesPage } from '../modules/sources/sources-page';
import { ThreatLevelsPage } from '../modules/threat-levels/threat-levels-page';
import { VettingPage } from '../modules/vetting/vetting-page';
import { appRoute } from './app.route';

const parent = () => appRoute;

export const dashboardRoute = createRoute({ getParentRoute: parent, path: '/', component: DashboardPage });

// One route per module of MISSION.md; a module that grows screens gets child routes of its own.
export const moduleRoutes = [
  createRoute({ getParentRoute: parent, path: '/sources', component: SourcesPage }),
  createRoute({ getParentRoute: parent, path: '/investigations', component: InvestigationsPage }),
  createRoute({ getParentRoute: parent, path: '/comms', component: CommsPage }),
  createRoute({ getParentRoute: parent, path: '/threat-levels', component: ThreatLevelsPage }),
  createRoute({ getParentRoute: parent, path: '/protective-security', component: ProtectiveSecurityPage }),
  createRoute({ getParentRoute: parent, path: '/public-reports', component: PublicReportsPage }),
  createRoute({ getParentRoute: parent, path: '/partners', component: PartnersPage }),
  createRoute({ getParentRoute: parent, path: '/vetting', component: VettingPage }),
  createRoute({ getParentRoute: parent, path: '/oversight', component: OversightPage }),
  createRoute({ getParentRoute: parent, path: '/admin', component: AdminPage }),
  // Account → Security (two-step verification): not a module, but a page of the same shell.
  createRoute({ getParentRoute: parent, path: '/account/security', component: SecurityPage }),
] as const;

/** Unknown paths for a signed-in user: a 404 inside the shell (and sign-in first for everyone else). */
export const notFoundRoute = createRoute({ getParentRoute: parent, path: '$', component: NotFoundPage });
