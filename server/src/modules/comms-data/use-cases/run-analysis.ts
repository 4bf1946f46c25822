import type { ScopeInput } from '#shared/contracts/comms';
import type { Queryable, Tx } from '../../../db/client';
import { authorize, type ProtectedRecord } from '../../../platform/access/policy';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Actor } from '../../../platform/auth/actor';
import { AppError } from '../../../platform/errors';
import type { AnalysisContext } from '../analyses/analysis-context';
import { resolveAuthorisedScope } from '../authorised-scope';
import { findDatasetByName, findVisibleDataset } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import { authorisationOf } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
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

/**
 * One analysis call: the datasets are loaded (visibility checked) and the call audited as
 * `comms.analysis.<name>` in one transaction, then the scope is checked against every dataset's
 * authorisation (refused calls stay audited as attempts) and the analysis runs outside the
 * transaction, so a long analysis holds no database connection.
 */
export type Transact = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

export async function runAnalysis<T>(
  services: CommsServices,
  transact: Transact,
  load: (tx: Queryable) => Promise<CommsDatasetRow[]>,
  by: { actorId: string | null; requestId: string | null },
  request: AnalysisRequest<T>,
): Promise<T> {
  const datasets = await transact(async (tx) => {
    const rows = await load(tx);
    await recordAudit(tx, services.clock, {
      actorId: by.actorId,
      requestId: by.requestId,
      action: `comms.analysis.${request.name}`,
      recordType: 'comms_dataset',
      recordId: rows.map((r) => r.id).join(','),
      fields: request.fields,
    });
    return rows;
  });
  // Refused after the audit, like an out-of-scope call: the attempt stays recorded.
  for (const row of datasets) assertNotDestroyed(row);
  const scope = resolveAuthorisedScope(datasets.map(authorisationOf), request.scope);
  return request.run({ services, datasets, scope });
}

/** The console's loader: datasets by name (the CLI acts as the installation's operator). */
/** The dataset of that name (the console's way to name one), else NOT_FOUND naming it. */
export async function datasetByName(q: Queryable, name: string): Promise<CommsDatasetRow> {
  const row = await findDatasetByName(q, name);
  if (!row) throw new AppError('NOT_FOUND', `No dataset named '${name}'.`);
  return row;
}

export function datasetsByName(names: readonly string[]) {
  return async (tx: Queryable): Promise<CommsDatasetRow[]> => {
    const rows: CommsDatasetRow[] = [];
    for (const name of names) rows.push(await datasetByName(tx, name));
    return rows;
  };
}
