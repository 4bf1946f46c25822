import { ModuleOverview } from '../module-overview';
import { commsModule } from './comms.module';

export function CommsPage() {
  return <ModuleOverview module={commsModule} />;
}
