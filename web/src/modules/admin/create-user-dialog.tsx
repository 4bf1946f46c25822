import { useState } from 'react';
import { type CreateUserResponse, createUserRequest } from '#shared/contracts/admin';
import { classifications } from '#shared/contracts/markings';
import { roleLabels, roles } from '#shared/contracts/roles';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ModalDialog } from '../../ui/dialog';
import { FormCheckboxGroup, FormSelect, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { RefusalMessage } from '../../ui/refusal-alert';
import { createUser } from './admin.api';
import { useAdminMutation } from './use-admin-mutation';

const roleOptions = roles.map((role) => ({ id: role, label: roleLabels[role] }));
const clearanceOptions = classifications.map((c) => ({ id: c, label: c }));

/** A new account; the server generates a one-time password, shown here once. */
export function CreateUserDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [created, setCreated] = useState<CreateUserResponse | null>(null);
  const mutation = useAdminMutation(createUser);
  const { form, submit, refusal } = useContractForm(createUserRequest, {
    defaultValues: { roles: [], clearance: 'OFFICIAL' },
    onSubmit: async (values) => {
      setCreated(await mutation.mutateAsync(values));
      form.reset();
    },
  });
  const close = (open: boolean) => {
    if (!open) setCreated(null);
    onOpenChange(open);
  };

  return (
    <ModalDialog
      title={created ? `Created ${created.user.username}` : 'New user'}
      isOpen={isOpen}
      onOpenChange={close}
      footer={
        created ? (
          <Button onClick={() => close(false)}>Done</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" form="create-user-form" busy={form.formState.isSubmitting}>
              Create user
            </Button>
          </>
        )
      }
    >
      {created ? (
        <Alert tone="success" title="Hand this password over in person">
          <p>
            One-time password for {created.user.username} (shown once; they choose their own at first
            sign-in): <code className="secret">{created.oneTimePassword}</code>
          </p>
        </Alert>
      ) : (
        <form id="create-user-form" className="admin-form-stack" onSubmit={submit} noValidate>
          <RefusalMessage refusal={refusal} title="The account was not created" />
          <FormTextField
            control={form.control}
            name="username"
            label="Username"
            hint="Lower-case letters, digits, dot, dash or underscore"
            autoComplete="off"
            spellCheck={false}
          />
          <FormTextField control={form.control} name="displayName" label="Display name" autoComplete="off" />
          <FormCheckboxGroup control={form.control} name="roles" label="Roles" options={roleOptions} />
          <FormSelect control={form.control} name="clearance" label="Clearance" options={clearanceOptions} />
        </form>
      )}
    </ModalDialog>
  );
}
