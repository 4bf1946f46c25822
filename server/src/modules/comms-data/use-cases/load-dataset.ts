import type { Queryable } from '../../../db/client';
import { loadVisible } from '../../../platform/access/load-visible';
import type { RecordAction } from '../../../platform/access/policy';
import { AppError } from '../../../platform/errors';
import type { RequestScope } from '../../../platform/request-scope';
import { findDatasetById, listAllDatasets } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dataset of that id for an action of the scope: a user's must be visible to them (else 404,
 * as if it did not exist) and allow the action (else 403), `loadVisible`; the console, the
 * installation's operator, reaches any. In the scope's transaction (`withScopeTx`).
 */
export async function loadDataset(
  tx: Queryable,
  scope: RequestScope,
  id: string,
  action: RecordAction = 'read',
): Promise<CommsDatasetRow> {
  const find = () => (UUID.test(id) ? findDatasetById(tx, id.toLowerCase()) : Promise.resolve(undefined));
  if (scope.actor) return loadVisible(scope.actor, action, 'Dataset', find);
  const row = await find();
  if (!row) throw AppError.notFound('Dataset');
  return row;
}

/**
 * The dataset a console command names: by id, or by name. Names are unique only among what one
 * user can see, so a name several datasets share is refused with their ids, never guessed.
 */
export function pickDataset(rows: readonly CommsDatasetRow[], ref: string): CommsDatasetRow {
  const byId = rows.find((r) => r.id === ref);
  if (byId) return byId;
  const named = rows.filter((r) => r.name === ref);
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new AppError(
      'CONFLICT',
      `${named.length} datasets are named '${ref}': give the id of the one you mean (${named
        .map((r) => `${r.id}, created ${r.createdAt.toISOString()}`)
        .join('; ')}).`,
    );
  throw new AppError(
    'NOT_FOUND',
    `No dataset named '${ref}' (\`lantern comms datasets list\` lists them). Create it with: lantern comms datasets add --name '${ref}' --provider … --authorisation … --from … --to …`,
  );
}

/**
 * A dataset as the scope names it: a user by id only ({@link loadDataset}); the console by id or
 * by name ({@link pickDataset}).
 */
export async function loadDatasetRef(
  tx: Queryable,
  scope: RequestScope,
  ref: string,
  action: RecordAction = 'read',
): Promise<CommsDatasetRow> {
  if (scope.actor) return loadDataset(tx, scope, ref, action);
  const byId = UUID.test(ref) ? await findDatasetById(tx, ref.toLowerCase()) : undefined;
  return byId ?? pickDataset(await listAllDatasets(tx), ref);
}
