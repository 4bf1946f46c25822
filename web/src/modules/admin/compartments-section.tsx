import { useQuery } from '@tanstack/react-query';
import { adminCompartmentKinds, createCompartmentRequest } from '#shared/contracts/admin';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { FormSelect, FormTextArea, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { format } from '../../ui/format';
import { RefusalAlert, RefusalMessage } from '../../ui/refusal-alert';
import { toast } from '../../ui/toast';
import { compartmentsQuery, createCompartment, revokeMembership } from './admin.api';
import { useAdminMutation } from './use-admin-mutation';

/** 'dataset' → 'Dataset'. */
const kindLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
const kindOptions = adminCompartmentKinds.map((kind) => ({ id: kind, label: kindLabel(kind) }));

function NewCompartmentForm() {
  const create = useAdminMutation(createCompartment);
  const { form, submit, refusal } = useContractForm(createCompartmentRequest, {
    defaultValues: { kind: adminCompartmentKinds[0] },
    onSubmit: async (values) => {
      const compartment = await create.mutateAsync(values);
      form.reset({ kind: values.kind });
      toast.success(`Compartment ${compartment.name} created.`);
    },
  });
  return (
    <Card aria-labelledby="create-compartment-heading">
      <h3 id="create-compartment-heading" className="admin-subheading">
        New compartment
      </h3>
      <form className="admin-form-stack admin-form-narrow" onSubmit={submit} noValidate>
        <FormSelect control={form.control} name="kind" label="Kind" options={kindOptions} />
        <FormTextField control={form.control} name="name" label="Name" />
        <FormTextArea control={form.control} name="description" label="Description" />
        <RefusalMessage refusal={refusal} title="The compartment was not created" />
        <div>
          <Button type="submit" busy={form.formState.isSubmitting}>
            Create compartment
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function CompartmentsSection() {
  const compartments = useQuery(compartmentsQuery);
  const revoke = useAdminMutation((m: { compartmentId: string; userId: string }) =>
    revokeMembership(m.compartmentId, m.userId),
  );
  return (
    <section className="admin-section" aria-labelledby="compartments-heading">
      <h2 id="compartments-heading" className="admin-heading">
        Compartments
      </h2>
      <NewCompartmentForm />
      <RefusalAlert error={compartments.error ?? revoke.error} />
      <ul className="compartment-list">
        {(compartments.data ?? []).map((c) => (
          <li key={c.id}>
            <Card as="article" aria-label={`Compartment ${c.name}`}>
              <h3 className="admin-subheading">
                {c.name} <Badge tone="info">{c.kind}</Badge>
              </h3>
              {c.description ? <p className="admin-muted">{c.description}</p> : null}
              <p className="admin-muted">Created {format.date(c.createdAt)}</p>
              {c.members.length === 0 ? (
                <p className="admin-muted">No members.</p>
              ) : (
                <ul className="member-list" aria-label={`Members of ${c.name}`}>
                  {c.members.map((m) => (
                    <li key={m.userId}>
                      <span>
                        {m.displayName} <span className="admin-muted">({m.username})</span>
                        {m.grantedBy ? (
                          <span className="admin-muted"> · granted by {m.grantedBy}</span>
                        ) : null}
                      </span>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove ${m.username} from ${c.name}`}
                        onClick={() => revoke.mutate({ compartmentId: c.id, userId: m.userId })}
                      >
                        Remove
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
