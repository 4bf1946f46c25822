import type { DatasetAbilities } from '#shared/contracts/comms';
import { rolesGrant } from '#shared/modules/index';
import { decide } from '../../platform/access/policy';
import type { Actor } from '../../platform/auth/actor';
import type { CommsDatasetRow } from './comms.schema';

type DatasetState = Pick<CommsDatasetRow, 'classification' | 'caveats' | 'compartmentId' | 'status'>;

/** Nothing can be done with the records of a destroyed dataset (ADR 0011). */
export function isDestroyed(row: Pick<CommsDatasetRow, 'status'>): boolean {
  return row.status === 'destroyed';
}

/** An import or a destruction waits for the running import to end. */
export function isBusy(row: Pick<CommsDatasetRow, 'status'>): boolean {
  return row.status === 'importing';
}

/**
 * What the actor may do with a dataset now: the permission their roles grant (the route's access
 * rule), need-to-know on the record (`decide`: marking, compartment, read-only roles) and the
 * dataset's state. The console (null: the installation's operator) is bound by the state only.
 * Sent on every dataset view, so the web shows and hides by these and never by role names; each
 * use case still checks for itself (an ability is a promise of what will not be refused for the
 * actor's rights, not a lock).
 */
export function datasetAbilities(actor: Actor | null, row: DatasetState): DatasetAbilities {
  const allowed = (
    permission: 'comms:read' | 'comms:import' | 'comms:destroy',
    action: 'read' | 'update' | 'delete',
  ) => actor === null || (rolesGrant(actor.roles, permission) && decide(actor, action, row).allowed);
  const held = !isDestroyed(row);
  const changeable = held && !isBusy(row);
  return {
    analyse: held && allowed('comms:read', 'read'),
    import: changeable && allowed('comms:import', 'update'),
    destroy: changeable && allowed('comms:destroy', 'delete'),
  };
}
