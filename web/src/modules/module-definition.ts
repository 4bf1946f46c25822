import type { Role } from '../auth/roles';
import type { IconComponent } from '../ui/icons';

/** The client paths of the domain modules; each has a route in routes/module.routes.tsx. */
export type ModulePath =
  | '/sources'
  | '/investigations'
  | '/comms'
  | '/threat-levels'
  | '/protective-security'
  | '/public-reports'
  | '/partners'
  | '/vetting'
  | '/oversight'
  | '/admin';

export type ModuleGroup = 'Intelligence' | 'Protect & share' | 'Assurance';

/** What the shell knows about a module: where it lives, what it is called and what it will hold. */
export interface ModuleDefinition {
  path: ModulePath;
  title: string;
  group: ModuleGroup;
  icon: IconComponent;
  /** One line for the page header. */
  description: string;
  /** Two lines for the dashboard card. */
  summary: string;
  emptyState: {
    title: string;
    body: string;
    items: readonly string[];
  };
  /** The roles whose daily work happens here (MISSION.md, Users). */
  usedBy: readonly Role[];
  /** When set, only these roles see the module in the navigation (the server enforces it anyway). */
  visibleTo?: readonly Role[];
}
