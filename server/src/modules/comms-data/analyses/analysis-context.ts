import type { EdgeEvidence } from '#graph/index';
import { EventType } from '#graph/index';
import { type EffectiveScope, isWholeAuthorisation, storeScopeOf } from '../authorised-scope';
import type { CommsServices } from '../comms-services';
import type { CommsDatasetRow } from '../comms.schema';
import { authorisationOf } from '../comms.presenter';
import type { DatasetGraph } from '../graph-cache/dataset-graph';
import type { PartyInputs } from './party-inputs';

/**
 * What one analysis call runs on: the visible datasets (first = the one in the path; their
 * authorised numbers in the data's form), the checked scope, and the way from the numbers asked
 * about to the form the data holds them in (every analysis passes its numbers through it).
 */
export interface AnalysisContext {
  services: CommsServices;
  datasets: CommsDatasetRow[];
  scope: EffectiveScope;
  parties: PartyInputs;
}

/** One number asked about, in the form the data holds it (see {@link PartyInputs}). */
export async function partyOf(ctx: AnalysisContext, input: string): Promise<string> {
  return (await ctx.parties.resolve([input]))[0]!;
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

/**
 * Ids of the numbers asked about, taken in the data's form; numbers not in the data are reported
 * as given, not guessed.
 */
export async function idsOrUnknown(
  ctx: AnalysisContext,
  g: DatasetGraph,
  numbers: readonly string[],
): Promise<{ ids: number[]; unknown: string[] }> {
  const held = await ctx.parties.resolve(numbers);
  const found = await g.idsOf(held);
  const ids: number[] = [];
  const unknown: string[] = [];
  numbers.forEach((given, i) => {
    const id = found.get(held[i]!);
    if (id === undefined || g.graph.internalOf(id) < 0) unknown.push(given);
    else ids.push(id);
  });
  return { ids, unknown };
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
