import type { AdminUserView } from '#shared/contracts/admin';
import { useCan } from '../../auth/abilities';
import { Tabs } from '../../ui/tabs';
import { ClearanceForm, RolesForm } from './user-access-forms';
import { UserMemberships } from './user-memberships';

/** Edit one user's access: roles, clearance and caveats; compartments for those who manage them. */
export function UserDetail({ user }: { user: AdminUserView }) {
  const canManageCompartments = useCan('compartments:manage');
  const access = {
    id: 'access',
    label: 'Access',
    content: (
      <>
        <RolesForm user={user} />
        <ClearanceForm user={user} />
      </>
    ),
  };
  const memberships = { id: 'compartments', label: 'Compartments', content: <UserMemberships user={user} /> };
  return (
    <Tabs label={`Edit ${user.username}`} items={canManageCompartments ? [access, memberships] : [access]} />
  );
}
