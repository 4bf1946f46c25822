import { type FormEvent, useState } from 'react';
import type { CreateUserResponse } from '#shared/contracts/admin';
import { type Role, roleLabels, roles } from '#shared/contracts/roles';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';
import { createUser } from './admin.api';
import { ErrorAlert } from './error-alert';
import { SelectField } from './select-field';
import { useAdminMutation } from './use-admin-mutation';

/** New account: the server generates a one-time password, shown here once. */
export function CreateUserForm() {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('handler');
  const [created, setCreated] = useState<CreateUserResponse | null>(null);
  const mutation = useAdminMutation(createUser);

  function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    mutation.mutate(
      { username: username.trim(), displayName: displayName.trim() || username.trim(), roles: [role] },
      {
        onSuccess: (result) => {
          setCreated(result);
          setUsername('');
          setDisplayName('');
        },
      },
    );
  }

  return (
    <Card aria-labelledby="create-user-heading">
      <h3 id="create-user-heading" className="admin-subheading">
        New user
      </h3>
      <form className="admin-form" onSubmit={submit}>
        <TextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <TextField
          label="Display name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        />
        <Button type="submit" busy={mutation.isPending}>
          Create user
        </Button>
      </form>
      <ErrorAlert error={mutation.error} title="The account was not created" />
      {created ? (
        <Alert tone="success" title={`Created ${created.user.username}`}>
          <p>
            One-time password (shown once; hand it over in person):{' '}
            <code className="secret">{created.oneTimePassword}</code>
          </p>
        </Alert>
      ) : null}
    </Card>
  );
}
