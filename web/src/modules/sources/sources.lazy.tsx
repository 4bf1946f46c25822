import { createLazyRoute } from '@tanstack/react-router';
import { CentralRecordPage } from './central-record-page';
import { DecisionPage } from './decision-page';
import { HandlerDashboardPage } from './handler-dashboard-page';
import { QueuePage } from './queue-page';
import { SourcePage } from './source-page';
import { SourcesListPage } from './sources-list-page';

export const registerLazyRoute = createLazyRoute('/app/sources/')({ component: SourcesListPage });
export const queueLazyRoute = createLazyRoute('/app/sources/queue')({ component: QueuePage });
export const centralRecordLazyRoute = createLazyRoute('/app/sources/central-record')({
  component: CentralRecordPage,
});
export const sourceLazyRoute = createLazyRoute('/app/sources/$sourceId')({ component: SourcePage });
export const decisionLazyRoute = createLazyRoute('/app/sources/$sourceId/decisions/$itemId')({
  component: DecisionPage,
});
export const dashboardLazyRoute = createLazyRoute('/app/sources/dashboard')({
  component: HandlerDashboardPage,
});
