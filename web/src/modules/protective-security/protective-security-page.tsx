import { ModuleOverview } from '../module-overview';
import { protectiveSecurityModule } from './protective-security.module';

export function ProtectiveSecurityPage() {
  return <ModuleOverview module={protectiveSecurityModule} />;
}
