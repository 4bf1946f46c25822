import { useQuery } from '@tanstack/react-query';
import { type AdminUserView, compartmentIdParams } from '#shared/contracts/admin';
import { Button } from '../../ui/button';
import { FormComboBox } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { RefusalAlert, RefusalMessage } from '../../ui/refusal-alert';
import { toast } from '../../ui/toast';
import { compartmentsQuery, grantMembership, revokeMembership } from './admin.api';
import { useAdminMutation } from './use-admin-mutation';

/** The compartments a user is read into, and reading them into another (two-person rule). */
export function UserMemberships({ user }: { user: AdminUserView }) {
  const compartments = useQuery(compartmentsQuery);
  const grant = useAdminMutation((compartmentId: string) => grantMembership(compartmentId, user.id));
  const revoke = useAdminMutation((compartmentId: string) => revokeMembership(compartmentId, user.id));
  const available = (compartments.data ?? []).filter(
    (c) => !user.memberships.some((m) => m.compartmentId === c.id),
  );
  const { form, submit, refusal } = useContractForm(compartmentIdParams, {
    onSubmit: async ({ compartmentId }) => {
      await grant.mutateAsync(compartmentId);
      const name = available.find((c) => c.id === compartmentId)?.name ?? 'the compartment';
      form.reset({ compartmentId: undefined });
      toast.success(`Read into ${name}.`);
    },
  });

  return (
    <div className="admin-form-stack">
      <RefusalAlert error={revoke.error} />
      {user.memberships.length === 0 ? <p className="admin-muted">Not read into any compartment.</p> : null}
      <ul className="member-list" aria-label={`Compartments of ${user.username}`}>
        {user.memberships.map((m) => (
          <li key={m.compartmentId}>
            <span>
              {m.compartmentName} <span className="admin-muted">({m.kind})</span>
            </span>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Revoke ${m.compartmentName}`}
              busy={revoke.isPending && revoke.variables === m.compartmentId}
              onClick={() =>
                revoke.mutate(m.compartmentId, {
                  onSuccess: () => toast.success(`Removed from ${m.compartmentName}.`),
                })
              }
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <form className="admin-form-stack" onSubmit={submit} noValidate>
          <RefusalMessage refusal={refusal} title="Not read in" />
          <FormComboBox
            control={form.control}
            name="compartmentId"
            label="Grant membership of"
            options={available.map((c) => ({ id: c.id, label: `${c.name} (${c.kind})` }))}
          />
          <div>
            <Button type="submit" variant="secondary" size="sm" busy={form.formState.isSubmitting}>
              Grant
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
