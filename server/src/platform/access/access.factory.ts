import { randomBytes } from 'node:crypto';
import type { CompartmentKind } from '#shared/modules/index';
import type { Queryable } from '../../db/client';
import type { CompartmentRow } from './access.schema';
import { insertCompartment, insertMember } from './access.repo';

/** A real compartment row with a unique name. */
export function buildCompartment(
  q: Queryable,
  overrides: { kind?: CompartmentKind; name?: string; description?: string } = {},
): Promise<CompartmentRow> {
  return insertCompartment(q, {
    kind: overrides.kind ?? 'fixture',
    name: overrides.name ?? `OP ${randomBytes(4).toString('hex').toUpperCase()}`,
    description: overrides.description ?? '',
  });
}

/** Reads a user into compartments (test and seed set-up; the admin API audits its own grants). */
export async function addMemberships(q: Queryable, userId: string, compartmentIds: string[]): Promise<void> {
  for (const compartmentId of compartmentIds)
    await insertMember(q, { compartmentId, userId, grantedBy: null });
}
