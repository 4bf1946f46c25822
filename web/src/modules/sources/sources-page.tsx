import { ModuleOverview } from '../module-overview';
import { sourcesModule } from './sources.module';

export function SourcesPage() {
  return <ModuleOverview module={sourcesModule} />;
}
