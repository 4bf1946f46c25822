import { ModuleOverview } from '../module-overview';
import { investigationsModule } from './investigations.module';

export function InvestigationsPage() {
  return <ModuleOverview module={investigationsModule} />;
}
