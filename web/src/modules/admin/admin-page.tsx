import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../../auth/session';
import { Alert } from '../../ui/alert';
import { PageHeader } from '../../ui/page-header';
import { adminModule } from './admin.module';
import { CompartmentsSection } from './compartments-section';
import { UsersSection } from './users-section';
import './admin.css';

export function AdminPage() {
  const { data: user } = useQuery(sessionQuery);
  const allowed = user?.roles.includes('admin') ?? false;
  return (
    <>
      <PageHeader
        eyebrow={adminModule.group}
        title={adminModule.title}
        description={adminModule.description}
      />
      <div className="admin">
        {allowed ? (
          <>
            <Alert tone="info" role="note" title="Administration without access">
              You manage who may see what, but hold no access yourself: records stay hidden unless another
              administrator reads you into their compartment. Every change here is audited.
            </Alert>
            <UsersSection />
            <CompartmentsSection />
          </>
        ) : (
          <Alert tone="warning" title="Administrators only">
            Managing users and compartments needs the administrator role.
          </Alert>
        )}
      </div>
    </>
  );
}
