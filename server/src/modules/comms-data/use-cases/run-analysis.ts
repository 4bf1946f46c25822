import type { ScopeInput } from '#shared/contracts/comms';
import type { Queryable, Tx } from '../../../db/client';
import { authorize, type ProtectedRecord } from '../../../platform/access/policy';
import { writeAuditEvent } from '../../../platform/audit/audit.service';
import type { Actor } from '../../../platform/auth/actor';
import { inputFileAsValidation } from './input-file-validation';
import { AppError } from '../../../platform/errors';
import type { AnalysisContext } from '../analyses/analysis-context';
import { type HeldParties, importedPartyRules, partyInputs } from '../analyses/party-inputs';
import { resolveAuthorisedScope } from '../authorised-scope';
import { findDatasetById, findVisibleDataset, listAllDatasets } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import { authorisationOf } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
import { distinctRules } from '../party-normaliser';
import { assertNotDestroyed } from './dataset-availability';

export function asProtected(row: CommsDatasetRow): ProtectedRecord {
  return {
    classification: row.classification as ProtectedRecord['classification'],
    caveats: row.caveats,
    compartmentId: row.compartmentId,
  };
}

/** A dataset the actor may see (SQL filter, then the policy), else 404 as if it did not exist. */
export async function loadVisibleDataset(tx: Queryable, actor: Actor, id: string): Promise<CommsDatasetRow> {
  const row = await findVisibleDataset(tx, id);
  if (!row) throw AppError.notFound('Dataset');
  authorize(actor, 'read', asProtected(row), 'Dataset');
  return row;
}

export interface AnalysisRequest<T> {
  name: string;
  /** Names of the parameters given (audited; never their values). */
  fields: string[];
  scope: ScopeInput;
  run: (ctx: AnalysisContext) => Promise<T>;
}

/** A transaction runner: the API's runs as the request's actor, the console's as the operator. */
export type Transact = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

/** The numbers among `candidates` that any of the datasets holds. */
function heldIn(services: CommsServices, rows: readonly CommsDatasetRow[]): HeldParties {
  return async (candidates) => {
    const held = new Set<string>();
    for (const row of rows)
      for (const n of (await services.store.dataset(row.id).lookupIds(candidates)).keys()) held.add(n);
    return held;
  };
}

/**
 * One analysis call: the datasets are loaded (visibility checked) and the call audited as
 * `comms.analysis.<name>` in one transaction, then the scope is checked against every dataset's
 * authorisation (refused calls stay audited as attempts) and the analysis runs outside the
 * transaction, so a long analysis holds no database connection.
 *
 * Numbers are taken in any form the import would have read (`07700 900123` for `+447700900123`):
 * the scope's and the authorisation's numbers here, and the analysis's own through `ctx.parties`,
 * under the party rules of the profiles each dataset was imported with (one rule set for the API
 * and the CLI).
 */
export async function runAnalysis<T>(
  services: CommsServices,
  transact: Transact,
  load: (tx: Queryable) => Promise<CommsDatasetRow[]>,
  by: { actorId: string | null; requestId: string | null },
  request: AnalysisRequest<T>,
): Promise<T> {
  const { rows, rules } = await transact(async (tx) => {
    const rows = await load(tx);
    await writeAuditEvent(tx, services.clock, {
      actorId: by.actorId,
      requestId: by.requestId,
      action: `comms.analysis.${request.name}`,
      recordType: 'comms_dataset',
      recordId: rows.map((r) => r.id).join(','),
      fields: request.fields,
    });
    return {
      rows,
      rules: await importedPartyRules(
        tx,
        rows.map((r) => r.id),
      ),
    };
  });
  // Refused after the audit, like an out-of-scope call: the attempt stays recorded.
  for (const row of rows) assertNotDestroyed(row);
  const parties = partyInputs(distinctRules([...rules.values()].flat()), heldIn(services, rows));
  // Each dataset's authorised numbers in its own data's form (they were entered as written).
  const datasets = await Promise.all(
    rows.map(async (row) => {
      if (row.authorisedNumbers.length === 0) return row;
      const own = partyInputs(rules.get(row.id) ?? [], heldIn(services, [row]));
      // An ambiguous one stays as entered: it then matches nothing, and never widens the scope.
      const held = await own.resolve(row.authorisedNumbers, { ambiguous: 'as-given' });
      const numbers = [...new Set(held)].sort();
      return { ...row, authorisedNumbers: numbers };
    }),
  );
  const asked = request.scope.numbers
    ? { ...request.scope, numbers: await parties.resolve(request.scope.numbers) }
    : request.scope;
  const scope = resolveAuthorisedScope(datasets.map(authorisationOf), asked);
  return request.run({ services, datasets, scope, parties }).catch((error: unknown) => {
    throw inputFileAsValidation(error);
  });
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dataset of that id or name (the console's way to name one), see {@link pickDataset}. */
export async function datasetByName(q: Queryable, ref: string): Promise<CommsDatasetRow> {
  const byId = UUID.test(ref) ? await findDatasetById(q, ref.toLowerCase()) : undefined;
  return byId ?? pickDataset(await listAllDatasets(q), ref);
}

export function datasetsByName(refs: readonly string[]) {
  return async (tx: Queryable): Promise<CommsDatasetRow[]> => {
    const rows: CommsDatasetRow[] = [];
    for (const ref of refs) rows.push(await datasetByName(tx, ref));
    return rows;
  };
}
