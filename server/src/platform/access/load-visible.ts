import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import { authorize, type ProtectedRecord, type RecordAction } from './policy';

/**
 * Loads one protected record for an action, the same way in every module: a record that does not
 * exist and one the actor may not see answer alike (404 naming `what`); a visible record the actor
 * may not act on is 403 (`authorize`). `find` is the module's repo finder (by id, unfiltered: the
 * policy decides, so the answer cannot depend on which filter ran).
 */
export async function loadVisible<R extends ProtectedRecord>(
  actor: Actor,
  action: RecordAction,
  what: string,
  find: () => Promise<R | undefined>,
): Promise<R> {
  const row = await find();
  if (!row) throw AppError.notFound(what);
  authorize(actor, action, row, what);
  return row;
}
