import type { AdminUserView } from '#shared/contracts/admin';
import { classificationRank } from '#shared/contracts/markings';
import { sortedRoleLabels } from '../../auth/roles';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { columnsFor } from '../../ui/table/columns';
import type { LocalListReader } from '../../ui/table/list-state';
import { UserStatusMenu } from './user-status-menu';

const col = columnsFor<AdminUserView>();

/** The users table; the actions column only for those who may manage accounts. */
export function userColumns({ canManage, onEdit }: { canManage: boolean; onEdit: (id: string) => void }) {
  const columns = col.columns([
    col.accessor((u) => u.displayName, {
      id: 'user',
      header: 'User',
      meta: { rowHeader: true },
      cell: (info) => (
        <>
          <span className="admin-strong">{info.row.original.displayName}</span>
          <span className="admin-muted"> {info.row.original.username}</span>
        </>
      ),
    }),
    col.accessor((u) => sortedRoleLabels(u.roles).join(', '), {
      id: 'roles',
      header: 'Roles',
      enableSorting: false,
    }),
    col.accessor('clearance', {
      header: 'Clearance',
      cell: (info) => {
        const u = info.row.original;
        return (
          <>
            {u.clearance}
            {u.caveats.length > 0 ? <span className="admin-muted"> · {u.caveats.join(', ')}</span> : null}
          </>
        );
      },
    }),
    col.accessor('status', {
      header: 'Status',
      cell: (info) =>
        info.getValue() === 'active' ? (
          <Badge tone="success">Active</Badge>
        ) : (
          <Badge tone="danger">Disabled</Badge>
        ),
    }),
    col.accessor((u) => (u.mfaEnrolled ? 'Enrolled' : 'Not enrolled'), {
      id: 'mfa',
      header: 'MFA',
      enableSorting: false,
    }),
    col.accessor((u) => u.memberships.map((m) => m.compartmentName).join(', ') || '—', {
      id: 'compartments',
      header: 'Compartments',
      enableSorting: false,
    }),
  ]);
  if (!canManage) return columns;
  return [
    ...columns,
    col.display({
      id: 'actions',
      header: 'Actions',
      meta: { hiddenHeader: true },
      cell: (info) => (
        <span className="admin-actions">
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Edit ${info.row.original.username}`}
            onClick={() => onEdit(info.row.original.id)}
          >
            Edit
          </Button>
          <UserStatusMenu user={info.row.original} />
        </span>
      ),
    }),
  ] as typeof columns;
}

/** How the list the server answers whole is filtered and sorted in the browser (`pageLocally`). */
export const userReader: LocalListReader<AdminUserView> = {
  text: (u) => [
    u.username,
    u.displayName,
    ...u.roles,
    ...sortedRoleLabels(u.roles),
    u.clearance,
    u.status,
    ...u.memberships.map((m) => m.compartmentName),
  ],
  value: (u, field) => {
    if (field === 'clearance') return classificationRank(u.clearance);
    if (field === 'status') return u.status;
    return u.displayName;
  },
};
