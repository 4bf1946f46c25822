import { adminModule } from './admin/admin.module';
import { commsModule } from './comms/comms.module';
import { investigationsModule } from './investigations/investigations.module';
import type { ModuleDefinition, ModuleGroup } from './module-definition';
import { oversightModule } from './oversight/oversight.module';
import { partnersModule } from './partners/partners.module';
import { protectiveSecurityModule } from './protective-security/protective-security.module';
import { publicReportsModule } from './public-reports/public-reports.module';
import { sourcesModule } from './sources/sources.module';
import { threatLevelsModule } from './threat-levels/threat-levels.module';
import { vettingModule } from './vetting/vetting.module';

export type { ModuleDefinition, ModuleGroup, ModulePath } from './module-definition';

/** The domain modules in navigation order (MISSION.md). Adding a module: define it, add it here and a route. */
export const modules: readonly ModuleDefinition[] = [
  sourcesModule,
  investigationsModule,
  commsModule,
  threatLevelsModule,
  protectiveSecurityModule,
  publicReportsModule,
  partnersModule,
  vettingModule,
  oversightModule,
  adminModule,
];

export const moduleGroups: readonly ModuleGroup[] = ['Intelligence', 'Protect & share', 'Assurance'];

export function modulesInGroup(group: ModuleGroup): ModuleDefinition[] {
  return modules.filter((module) => module.group === group);
}

/** Whether a user with these roles is shown the module (modules without `visibleTo` are for all). */
export function isModuleVisibleTo(module: ModuleDefinition, userRoles: readonly string[]): boolean {
  return module.visibleTo === undefined || module.visibleTo.some((role) => userRoles.includes(role));
}
