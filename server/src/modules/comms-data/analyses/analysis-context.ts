import type { EdgeEvidence } from '../../../../../graph/src/index.js';
import { EventType } from '../../../../../graph/src/index.js';
import { type EffectiveScope, isWholeAuthorisation, storeScopeOf } from '../authorised-scope';
import type { CommsServices } from '../comms-services';
import type { CommsDatasetRow } from '../comms.schema';
import { authorisationOf } from '../comms.presenter';
import type { DatasetGraph } from '../graph-cache/dataset-graph';

/** What one analysis call runs on: the visible datasets (first = the one in the path) and the checked scope. */
export interface AnalysisContext {
  services: CommsServices;
  datasets: CommsDatasetRow[];
  scope: EffectiveScope;
}

/** The contact graph of the call's datasets under its scope (cached; merged for several). */
export function graphOf(ctx: AnalysisContext): Promise<DatasetGraph> {
  return ctx.services.graphs.get(
    ctx.datasets.map((row) => {
      const auth = authorisationOf(row);
      const scope = storeScopeOf(auth, ctx.scope);
      return { datasetId: row.id, scope, whole: isWholeAuthorisation(auth, scope) };
    }),
  );
}

/** Ids of the numbers asked about; numbers not in the data are reported, not guessed. */
export async function idsOrUnknown(
  g: DatasetGraph,
  numbers: readonly string[],
): Promise<{ ids: number[]; unknown: string[]; byId: Map<number, string> }> {
  const found = await g.idsOf(numbers);
  const ids: number[] = [];
  const unknown: string[] = [];
  const byId = new Map<number, string>();
  for (const n of numbers) {
    const id = found.get(n);
    if (id === undefined || g.graph.internalOf(id) < 0) unknown.push(n);
    else {
      ids.push(id);
      byId.set(id, n);
    }
  }
  return { ids, unknown, byId };
}

const typeNames = Object.entries(EventType) as [keyof typeof EventType, number][];

export function typesOf(mask: number): string[] {
  return typeNames.filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
}

export function isoOfEpoch(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** One contact pair as evidence: who contacted whom, how many events, first/last, types. */
export function presentEdge(e: EdgeEvidence, numbers: Map<number, string>) {
  return {
    a: numbers.get(e.source)!,
    b: numbers.get(e.target)!,
    events: e.weight,
    first: isoOfEpoch(e.first),
    last: isoOfEpoch(e.last),
    types: typesOf(e.typeMask),
  };
}
