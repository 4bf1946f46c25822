import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useCan } from '../../auth/abilities';
import { Button } from '../../ui/button';
import { RefusalAlert } from '../../ui/refusal-alert';
import { SearchField } from '../../ui/search-field';
import { Select } from '../../ui/select';
import { SidePanel } from '../../ui/side-panel';
import { DataTable } from '../../ui/table/data-table';
import { pageLocally } from '../../ui/table/list-state';
import { useSearchText } from '../../ui/table/use-search-text';
import { adminUsersQuery } from './admin.api';
import { CreateUserDialog } from './create-user-dialog';
import { UserDetail } from './user-detail';
import { userColumns, userReader } from './users-columns';

const routeApi = getRouteApi('/app/admin');
const statusOptions = [
  { id: 'any', label: 'Any' },
  { id: 'active', label: 'Active' },
  { id: 'disabled', label: 'Disabled' },
] as const;

export function UsersSection() {
  const users = useQuery(adminUsersQuery);
  const canManage = useCan('users:manage');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  // Sort, page and status are steps Back returns through; the typed filter replaces its entry.
  const setSearch = (patch: Partial<typeof search>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace });
  const [text, setText] = useSearchText(search.q, (q) => setSearch({ q, offset: 0 }, true));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const listed = { ...search, q: text };
  const page = useMemo(() => {
    if (!users.data) return undefined;
    const rows = search.status ? users.data.filter((u) => u.status === search.status) : users.data;
    return pageLocally(rows, { ...search, q: text }, userReader);
  }, [users.data, search, text]);
  const columns = useMemo(() => userColumns({ canManage, onEdit: setEditingId }), [canManage]);
  const editing = users.data?.find((u) => u.id === editingId);

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <div className="admin-section__head">
        <h2 id="users-heading" className="admin-heading">
          Users
        </h2>
        {canManage ? (
          <Button variant="secondary" size="sm" onClick={() => setCreating(true)}>
            New user
          </Button>
        ) : null}
      </div>
      {canManage ? <CreateUserDialog isOpen={creating} onOpenChange={setCreating} /> : null}
      <div className="admin-filters">
        <SearchField label="Filter users" value={text} onChange={setText} className="admin-filter" />
        <Select
          label="Status"
          options={statusOptions}
          value={search.status ?? 'any'}
          onChange={(status) => setSearch({ status: status === 'any' ? undefined : status, offset: 0 })}
        />
      </div>
      <RefusalAlert error={users.error} title="Users could not be loaded" />
      <div className={editing ? 'admin-split admin-split--open' : 'admin-split'}>
        <DataTable
          label="Users"
          columns={columns}
          page={page}
          getRowId={(u) => u.id}
          search={listed}
          onSearchChange={(patch) => setSearch(patch)}
          isLoading={users.isPending}
          emptyText={text ? `No user matches “${text}”.` : 'No users.'}
          currentId={editingId ?? undefined}
        />
        {editing ? (
          <SidePanel
            key={editing.id}
            title={
              <>
                {editing.displayName} <span className="admin-muted">({editing.username})</span>
              </>
            }
            onClose={() => setEditingId(null)}
          >
            <UserDetail user={editing} />
          </SidePanel>
        ) : null}
      </div>
    </section>
  );
}
