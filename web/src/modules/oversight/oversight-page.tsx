import { ModuleOverview } from '../module-overview';
import { oversightModule } from './oversight.module';

export function OversightPage() {
  return <ModuleOverview module={oversightModule} />;
}
