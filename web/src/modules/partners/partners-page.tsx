import { ModuleOverview } from '../module-overview';
import { partnersModule } from './partners.module';

export function PartnersPage() {
  return <ModuleOverview module={partnersModule} />;
}
