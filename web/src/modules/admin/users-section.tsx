import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminUserView } from '#shared/contracts/admin';
import { sortedRoleLabels } from '../../auth/roles';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { adminUsersQuery, compartmentsQuery } from './admin.api';
import { CreateUserForm } from './create-user-form';
import { ErrorAlert } from './error-alert';
import { UserDetail } from './user-detail';

function matches(user: AdminUserView, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [user.username, user.displayName, ...user.roles, user.clearance, user.status].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

export function UsersSection() {
  const users = useQuery(adminUsersQuery);
  const compartments = useQuery(compartmentsQuery);
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = (users.data ?? []).filter((u) => matches(u, filter));
  const selected = users.data?.find((u) => u.id === selectedId);

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <div className="admin-section__head">
        <h2 id="users-heading" className="admin-heading">
          Users
        </h2>
        <Button variant="secondary" size="sm" aria-expanded={creating} onClick={() => setCreating((v) => !v)}>
          {creating ? 'Close new user' : 'New user'}
        </Button>
      </div>
      {creating ? <CreateUserForm /> : null}
      <TextField
        label="Filter users"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="admin-filter"
      />
      <ErrorAlert error={users.error} title="Users could not be loaded" />
      <div className="table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Roles</th>
              <th scope="col">Clearance</th>
              <th scope="col">Status</th>
              <th scope="col">MFA</th>
              <th scope="col">Compartments</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id} aria-selected={u.id === selectedId}>
                <th scope="row">
                  <span className="admin-strong">{u.displayName}</span>
                  <span className="admin-muted"> {u.username}</span>
                </th>
                <td>{sortedRoleLabels(u.roles).join(', ')}</td>
                <td>
                  {u.clearance}
                  {u.caveats.length > 0 ? (
                    <span className="admin-muted"> · {u.caveats.join(', ')}</span>
                  ) : null}
                </td>
                <td>
                  <span className={`badge badge--${u.status}`}>
                    {u.status === 'active' ? 'Active' : 'Disabled'}
                  </span>
                </td>
                <td>{u.mfaEnrolled ? 'Enrolled' : 'Not enrolled'}</td>
                <td>{u.memberships.map((m) => m.compartmentName).join(', ') || '—'}</td>
                <td>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Edit ${u.username}`}
                    onClick={() => setSelectedId(u.id)}
                  >
                    Edit
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {users.data && list.length === 0 ? <p className="admin-muted">No user matches “{filter}”.</p> : null}
      </div>
      {selected ? (
        <UserDetail key={selected.id} user={selected} compartments={compartments.data ?? []} />
      ) : null}
    </section>
  );
}
