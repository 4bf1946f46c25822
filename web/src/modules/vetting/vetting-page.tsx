import { ModuleOverview } from '../module-overview';
import { vettingModule } from './vetting.module';

export function VettingPage() {
  return <ModuleOverview module={vettingModule} />;
}
