import { type FormEvent, useState } from 'react';
import type { AdminUserView, CompartmentView } from '#shared/contracts/admin';
import { type Classification, classifications } from '#shared/contracts/markings';
import { type Role, roleLabels, roles } from '#shared/contracts/roles';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';
import {
  grantMembership,
  resetMfa,
  revokeMembership,
  setClearance,
  setDisabled,
  setRoles,
} from './admin.api';
import { ErrorAlert } from './error-alert';
import { SelectField } from './select-field';
import { useAdminMutation } from './use-admin-mutation';

function parseCaveats(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

/** Edit one user's access: roles, clearance and caveats, status, compartment memberships. */
export function UserDetail({
  user,
  compartments,
}: {
  user: AdminUserView;
  compartments: readonly CompartmentView[];
}) {
  const [selectedRoles, setSelectedRoles] = useState<Role[]>(user.roles);
  const [clearance, setClearanceValue] = useState<Classification>(user.clearance);
  const [caveats, setCaveats] = useState(user.caveats.join(', '));
  const available = compartments.filter((c) => !user.memberships.some((m) => m.compartmentId === c.id));
  const [grantTo, setGrantTo] = useState(available[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);

  const rolesChange = useAdminMutation((next: Role[]) => setRoles(user.id, next));
  const clearanceChange = useAdminMutation(() =>
    setClearance(user.id, { clearance, caveats: parseCaveats(caveats) }),
  );
  const statusChange = useAdminMutation((disable: boolean) => setDisabled(user.id, disable));
  const grant = useAdminMutation((compartmentId: string) => grantMembership(compartmentId, user.id));
  const revoke = useAdminMutation((compartmentId: string) => revokeMembership(compartmentId, user.id));
  const mfaReset = useAdminMutation((_: null) => resetMfa(user.id));
  const mutations = [rolesChange, clearanceChange, statusChange, grant, revoke, mfaReset];
  const failed = mutations.find((m) => m.isError);

  function run<T>(
    mutation: { mutate: (input: T, options: { onSuccess: () => void }) => void },
    input: T,
    message: string,
  ) {
    for (const m of mutations) m.reset();
    setDone(null);
    mutation.mutate(input, { onSuccess: () => setDone(message) });
  }

  function toggleRole(role: Role, on: boolean) {
    setSelectedRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  }

  const headingId = `user-detail-${user.id}`;
  return (
    <Card className="user-detail" aria-labelledby={headingId}>
      <h3 id={headingId} className="admin-subheading">
        {user.displayName} <span className="admin-muted">({user.username})</span>
      </h3>
      <ErrorAlert error={failed?.error} />
      {done && !failed ? (
        <p className="admin-done" role="status">
          {done}
        </p>
      ) : null}

      <form
        className="user-detail__section"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          run(rolesChange, selectedRoles, 'Roles saved.');
        }}
      >
        <fieldset className="admin-fieldset">
          <legend className="field__label">Roles</legend>
          <div className="role-grid">
            {roles.map((role) => (
              <label key={role} className="check">
                <input
                  type="checkbox"
                  checked={selectedRoles.includes(role)}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                />
                {roleLabels[role]}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="secondary" size="sm" busy={rolesChange.isPending}>
          Save roles
        </Button>
      </form>

      <form
        className="user-detail__section user-detail__row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          run(clearanceChange, undefined, 'Clearance saved.');
        }}
      >
        <SelectField
          label="Clearance"
          value={clearance}
          onChange={(e) => setClearanceValue(e.target.value as Classification)}
          options={classifications.map((c) => ({ value: c, label: c }))}
        />
        <TextField
          label="Caveats"
          hint="Comma-separated, e.g. UK EYES ONLY"
          value={caveats}
          onChange={(e) => setCaveats(e.target.value)}
        />
        <Button type="submit" variant="secondary" size="sm" busy={clearanceChange.isPending}>
          Save clearance
        </Button>
      </form>

      <section className="user-detail__section" aria-label="Compartment memberships">
        <h4 className="field__label">Compartments</h4>
        {user.memberships.length === 0 ? <p className="admin-muted">Not read into any compartment.</p> : null}
        <ul className="member-list">
          {user.memberships.map((m) => (
            <li key={m.compartmentId}>
              <span>
                {m.compartmentName} <span className="admin-muted">({m.kind})</span>
              </span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Revoke ${m.compartmentName}`}
                onClick={() => run(revoke, m.compartmentId, `Removed from ${m.compartmentName}.`)}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
        {available.length > 0 ? (
          <form
            className="user-detail__row"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              const target = available.find((c) => c.id === grantTo) ?? available[0];
              if (target) run(grant, target.id, `Read into ${target.name}.`);
            }}
          >
            <SelectField
              label="Grant membership of"
              value={grantTo}
              onChange={(e) => setGrantTo(e.target.value)}
              options={available.map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }))}
            />
            <Button type="submit" variant="secondary" size="sm" busy={grant.isPending}>
              Grant
            </Button>
          </form>
        ) : null}
      </section>

      <section className="user-detail__section" aria-label="Account status">
        {user.status === 'active' ? (
          <Button
            variant="secondary"
            size="sm"
            busy={statusChange.isPending}
            onClick={() => run(statusChange, true, 'Account disabled; its sessions have ended.')}
          >
            Disable account
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            busy={statusChange.isPending}
            onClick={() => run(statusChange, false, 'Account enabled.')}
          >
            Enable account
          </Button>
        )}
        {user.mfaEnrolled ? (
          <Button
            variant="secondary"
            size="sm"
            busy={mfaReset.isPending}
            onClick={() =>
              run(mfaReset, null, 'Two-step verification removed; the user sets it up again at next sign-in.')
            }
          >
            Reset two-step verification
          </Button>
        ) : null}
      </section>
    </Card>
  );
}
