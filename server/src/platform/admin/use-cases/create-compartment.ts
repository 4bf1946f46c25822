import type { AdminCompartmentKind } from '#shared/contracts/admin';
import type { Queryable } from '../../../db/client';
import type { CompartmentRow } from '../../access/access.schema';
import { findCompartmentByName, insertCompartment } from '../../access/access.repo';
import { recordAudit } from '../../audit/audit.service';
import type { RequestScope } from '../../request-scope';
import { AppError } from '../../errors';

export async function createCompartment(
  q: Queryable,
  input: { kind: AdminCompartmentKind; name: string; description: string },
  scope: RequestScope,
): Promise<CompartmentRow> {
  return q.transaction(async (tx) => {
    if (await findCompartmentByName(tx, input.name)) {
      throw new AppError('CONFLICT', `name: a compartment named "${input.name}" already exists`, {
        fields: [{ path: 'name', message: 'already taken' }],
      });
    }
    const compartment = await insertCompartment(tx, input);
    await recordAudit(tx, scope, {
      action: 'compartment.create',
      recordType: 'compartment',
      recordId: compartment.id,
      fields: ['kind', 'name', 'description'],
    });
    return compartment;
  });
}
