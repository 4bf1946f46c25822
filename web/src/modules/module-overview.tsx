import { sortedRoleLabels } from '../auth/roles';
import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';
import type { ModuleDefinition } from './module-definition';

/**
 * The page of a module that has no screens yet: it says concretely what the module will hold and
 * who works in it, so that the shell is a map of the product rather than a row of placeholders.
 */
export function ModuleOverview({ module }: { module: ModuleDefinition }) {
  const ModuleIcon = module.icon;
  return (
    <>
      <PageHeader eyebrow={module.group} title={module.title} description={module.description} />
      <EmptyState
        icon={<ModuleIcon />}
        title={module.emptyState.title}
        items={module.emptyState.items}
        itemsHeading="What this module will hold"
        footer={<>Used day to day by: {sortedRoleLabels(module.usedBy).join(' · ')}</>}
      >
        <p>{module.emptyState.body}</p>
      </EmptyState>
    </>
  );
}
