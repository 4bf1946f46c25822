import type { ScopeInput } from '#shared/contracts/comms';
import { withScopeTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestScope } from '../../../platform/request-scope';
import type { AnalysisContext } from '../analyses/analysis-context';
import { type HeldParties, importedPartyRules, partyInputs } from '../analyses/party-inputs';
import { resolveAuthorisedScope } from '../authorised-scope';
import { authorisationOf } from '../comms.presenter';
import type { CommsDatasetRow } from '../comms.schema';
import type { CommsServices } from '../comms-services';
import { distinctRules } from '../party-normaliser';
import { assertNotDestroyed } from './dataset-availability';
import { inputFileAsValidation } from './input-file-validation';
import { loadDatasetRef } from './load-dataset';

export interface AnalysisRequest<T> {
  name: string;
  /** Names of the parameters given (audited; never their values). */
  fields: string[];
  scope: ScopeInput;
  run: (ctx: AnalysisContext) => Promise<T>;
}

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
 * and the CLI). A user names the datasets by id; the console by id or name.
 */
export async function runAnalysis<T>(
  services: CommsServices,
  refs: readonly string[],
  request: AnalysisRequest<T>,
  requestScope: RequestScope,
): Promise<T> {
  const { rows, rules } = await withScopeTx(services.db, requestScope, async (tx) => {
    const rows: CommsDatasetRow[] = [];
    for (const ref of new Set(refs)) rows.push(await loadDatasetRef(tx, requestScope, ref));
    await recordAudit(tx, requestScope, {
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
