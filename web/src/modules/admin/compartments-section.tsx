import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type AdminCompartmentKind, adminCompartmentKinds } from '#shared/contracts/admin';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';
import { compartmentsQuery, createCompartment, revokeMembership } from './admin.api';
import { ErrorAlert } from './error-alert';
import { SelectField } from './select-field';
import { useAdminMutation } from './use-admin-mutation';

/** 'dataset' → 'Dataset'. */
const kindLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

export function CompartmentsSection() {
  const compartments = useQuery(compartmentsQuery);
  const [kind, setKind] = useState<AdminCompartmentKind>(adminCompartmentKinds[0]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useAdminMutation(createCompartment);
  const revoke = useAdminMutation((m: { compartmentId: string; userId: string }) =>
    revokeMembership(m.compartmentId, m.userId),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { kind, name: name.trim(), description: description.trim() },
      {
        onSuccess: () => {
          setName('');
          setDescription('');
        },
      },
    );
  }

  return (
    <section className="admin-section" aria-labelledby="compartments-heading">
      <h2 id="compartments-heading" className="admin-heading">
        Compartments
      </h2>
      <Card aria-labelledby="create-compartment-heading">
        <h3 id="create-compartment-heading" className="admin-subheading">
          New compartment
        </h3>
        <form className="admin-form" onSubmit={submit}>
          <SelectField
            label="Kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as AdminCompartmentKind)}
            options={adminCompartmentKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <Button type="submit" busy={create.isPending}>
            Create compartment
          </Button>
        </form>
        <ErrorAlert error={create.error} title="The compartment was not created" />
      </Card>
      <ErrorAlert error={compartments.error ?? revoke.error} />
      <ul className="compartment-list">
        {(compartments.data ?? []).map((c) => (
          <li key={c.id}>
            <Card as="article" aria-label={`Compartment ${c.name}`}>
              <h3 className="admin-subheading">
                {c.name} <span className="badge badge--kind">{c.kind}</span>
              </h3>
              {c.description ? <p className="admin-muted">{c.description}</p> : null}
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
