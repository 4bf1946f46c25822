import { ModuleOverview } from '../module-overview';
import { adminModule } from './admin.module';

export function AdminPage() {
  return <ModuleOverview module={adminModule} />;
}
