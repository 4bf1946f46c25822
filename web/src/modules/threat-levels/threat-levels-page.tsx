import { ModuleOverview } from '../module-overview';
import { threatLevelsModule } from './threat-levels.module';

export function ThreatLevelsPage() {
  return <ModuleOverview module={threatLevelsModule} />;
}
