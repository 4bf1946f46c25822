import { ModuleOverview } from '../module-overview';
import { publicReportsModule } from './public-reports.module';

export function PublicReportsPage() {
  return <ModuleOverview module={publicReportsModule} />;
}
