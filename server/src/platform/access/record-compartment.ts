import type { CompartmentKind } from '#shared/modules/index';
import type { Queryable } from '../../db/client';
import { findCompartmentByName, insertCompartment } from './access.repo';
import type { CompartmentRow } from './access.schema';

/**
 * Makes the compartment of one record, named by its kind and the start of the record's id
 * (`dataset 1f3a9c2e`) with no description: never the record's name or anything read from it, since
 * the administrator reads every compartment's name but may not read the records (rule 17). The
 * whole id when another compartment has the short name already. The migration
 * `0009_opaque-record-compartments` renamed the compartments made before by the same rule.
 */
export async function createRecordCompartment(
  q: Queryable,
  kind: CompartmentKind,
  recordId: string,
): Promise<CompartmentRow> {
  const short = `${kind} ${recordId.slice(0, 8)}`;
  const name = (await findCompartmentByName(q, short)) ? `${kind} ${recordId}` : short;
  return insertCompartment(q, { kind, name, description: '' });
}
