import { useState } from 'react';
import type { SourceRoleView, SourceView } from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { format } from '../../ui/format';
import { AssignRoleDialog, EndRoleDialog, HandOverDialog } from './role-forms';
import { sourceRoleLabel } from './sources-labels';

function RoleRow({ role, onEnd }: { role: SourceRoleView; onEnd: (role: SourceRoleView) => void }) {
  return (
    <li className="source-item">
      <div className="source-item__head">
        <span className="source-item__title">{sourceRoleLabel(role.role)}</span>
        <span>{role.officer.displayName}</span>
        {role.current ? <Badge tone="success">Current</Badge> : <Badge>Ended</Badge>}
        {role.handedOverFromId ? <Badge tone="info">Hand-over</Badge> : null}
      </div>
      <p className="sources-muted">
        From {format.dateTime(role.from)}
        {role.to ? ` until ${format.dateTime(role.to)}` : ', open'}
        {role.endReason ? ` — ${role.endReason}` : ''}
      </p>
      {role.abilities.end ? (
        <div>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onEnd(role)}
            aria-label={`End ${role.officer.displayName}'s period as ${sourceRoleLabel(role.role).toLowerCase()}`}
          >
            End the period
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The s.29(5) arrangements and their history (reg. 3(h)(i)): who holds which role from when to
 * when, hand-overs marked; a role can be assigned, handed over or ended as the source's abilities allow.
 */
export function SourceRoles({ source }: { source: SourceView }) {
  const [assigning, setAssigning] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const [ending, setEnding] = useState<SourceRoleView | null>(null);
  const current = source.roles.filter((r) => r.current);
  const past = source.roles.filter((r) => !r.current);
  return (
    <section className="source-section" aria-labelledby="roles-heading">
      <header className="source-section__header">
        <h2 className="source-section__title" id="roles-heading">
          Roles
        </h2>
        <div className="source-actions">
          {source.abilities.assignRoles ? (
            <Button variant="secondary" onClick={() => setAssigning(true)}>
              Assign a role
            </Button>
          ) : null}
          {source.abilities.handOver ? (
            <Button variant="secondary" onClick={() => setHandingOver(true)}>
              Hand over
            </Button>
          ) : null}
        </div>
      </header>
      {source.flags.arrangementsLapsed ? (
        <Alert tone="danger" title="The arrangements have lapsed (RIPA s.29(5))">
          The source has no current handler or controller. Its authorisation must be cancelled unless the
          arrangements are restored.
        </Alert>
      ) : null}
      <ul className="source-list" aria-label="Current roles">
        {current.map((role) => (
          <RoleRow key={role.id} role={role} onEnd={setEnding} />
        ))}
      </ul>
      {past.length > 0 ? (
        <>
          <h3>History</h3>
          <ul className="source-list" aria-label="Past roles">
            {past.map((role) => (
              <RoleRow key={role.id} role={role} onEnd={setEnding} />
            ))}
          </ul>
        </>
      ) : null}
      <AssignRoleDialog source={source} isOpen={assigning} onOpenChange={setAssigning} />
      {handingOver ? <HandOverDialog source={source} isOpen onOpenChange={setHandingOver} /> : null}
      {ending ? (
        <EndRoleDialog
          source={source}
          role={ending}
          isOpen
          onOpenChange={(open) => setEnding(open ? ending : null)}
        />
      ) : null}
    </section>
  );
}
