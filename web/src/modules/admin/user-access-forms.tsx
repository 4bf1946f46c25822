import { z } from 'zod';
import { type AdminUserView, setClearanceRequest, setRolesRequest } from '#shared/contracts/admin';
import { caveatSchema, classifications } from '#shared/contracts/markings';
import { roleLabels, roles } from '#shared/contracts/roles';
import { Button } from '../../ui/button';
import { FormCheckboxGroup, FormSelect, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { RefusalMessage } from '../../ui/refusal-alert';
import { toast } from '../../ui/toast';
import { setClearance, setRoles } from './admin.api';
import { useAdminMutation } from './use-admin-mutation';

const roleOptions = roles.map((role) => ({ id: role, label: roleLabels[role] }));
const clearanceOptions = classifications.map((c) => ({ id: c, label: c }));

/** Caveats typed as "UK EYES ONLY, NOFORN", checked one by one by the contract's caveat rule. */
const caveatsText = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const caveats = [
      ...new Set(
        (text ?? '')
          .split(',')
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ];
    for (const caveat of caveats) {
      const checked = caveatSchema.safeParse(caveat);
      if (!checked.success)
        ctx.addIssue({ code: 'custom', message: `${caveat}: ${checked.error.issues[0]?.message}` });
    }
    if (caveats.length > 10) ctx.addIssue({ code: 'custom', message: 'at most 10 caveats' });
    return caveats;
  });
const clearanceForm = setClearanceRequest.extend({ caveats: caveatsText });

export function RolesForm({ user }: { user: AdminUserView }) {
  const change = useAdminMutation((next: typeof user.roles) => setRoles(user.id, next));
  const { form, submit, refusal } = useContractForm(setRolesRequest, {
    defaultValues: { roles: user.roles },
    onSubmit: async ({ roles: next }) => {
      await change.mutateAsync(next);
      toast.success(`Roles of ${user.username} saved.`);
    },
  });
  return (
    <form className="admin-form-stack" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The roles were not saved" />
      <FormCheckboxGroup control={form.control} name="roles" label="Roles" options={roleOptions} />
      <div>
        <Button type="submit" variant="secondary" size="sm" busy={form.formState.isSubmitting}>
          Save roles
        </Button>
      </div>
    </form>
  );
}

export function ClearanceForm({ user }: { user: AdminUserView }) {
  const change = useAdminMutation((body: z.output<typeof setClearanceRequest>) =>
    setClearance(user.id, body),
  );
  const { form, submit, refusal } = useContractForm(clearanceForm, {
    defaultValues: { clearance: user.clearance, caveats: user.caveats.join(', ') },
    onSubmit: async (values) => {
      await change.mutateAsync(values);
      toast.success(`Clearance of ${user.username} saved.`);
    },
  });
  return (
    <form className="admin-form-stack" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The clearance was not saved" />
      <FormSelect control={form.control} name="clearance" label="Clearance" options={clearanceOptions} />
      <FormTextField
        control={form.control}
        name="caveats"
        label="Caveats"
        hint="Comma-separated, e.g. UK EYES ONLY"
      />
      <div>
        <Button type="submit" variant="secondary" size="sm" busy={form.formState.isSubmitting}>
          Save clearance
        </Button>
      </div>
    </form>
  );
}
