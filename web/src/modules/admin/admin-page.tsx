import { useCan } from '../../auth/abilities';
import { Alert } from '../../ui/alert';
import { PageHeader } from '../../ui/page-header';
import { adminModule } from './admin.module';
import { CompartmentsSection } from './compartments-section';
import { UsersSection } from './users-section';
import './admin.css';

/** Reached only with `users:read` (the route's gate); each section shows what the user may do. */
export function AdminPage() {
  const canManageCompartments = useCan('compartments:manage');
  return (
    <>
      <PageHeader
        eyebrow={adminModule.nav?.group}
        title={adminModule.nav?.title ?? 'Administration'}
        description="Accounts, roles, clearances and two-step verification; compartments and their members."
      />
      <div className="administration">
        <Alert tone="info" role="note" title="Administration without access">
          You manage who may see what, but hold no access yourself: records stay hidden unless another
          administrator reads you into their compartment. Every change here is audited.
        </Alert>
        <UsersSection />
        {canManageCompartments ? <CompartmentsSection /> : null}
      </div>
    </>
  );
}
